package io.quorate.lint.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextRendererTest {

    @TempDir
    Path root;

    @BeforeEach
    void writePolicy() throws Exception {
        Files.createDirectories(root.resolve("policies"));
        Files.writeString(root.resolve(Reports.FILE), Reports.POLICY);
    }

    String render() {
        return new TextRenderer(root).render(Reports.sample());
    }

    @Test
    void a_finding_shows_its_place_the_policy_line_a_caret_help_and_docs() {
        String expected = """
                policies/treasury.yaml:7:7: error[single-key-authority]: account `treasury`: authority `active`: key `k2` alone satisfies threshold 1
                 7 |       active: {threshold: 1, keys: [{key: k2, weight: 1}, {key: k3, weight: 1}]}
                   |       ^
                  help: raise the threshold or give each key less weight
                  docs: docs/checks/single-key-authority.md
                """;
        assertTrue(render().contains(expected), render());
    }

    @Test
    void the_caret_keeps_the_lines_tabs_and_a_wide_gutter() {
        String expected = """
                policies/treasury.yaml:11:2: error[unreachable-threshold]: account `vault`: authority `admin`: threshold 5 exceeds total weight 1
                 11 | \tadmin: {threshold: 5, keys: [{key: k1, weight: 1}]}
                    | \t^
                """;
        assertTrue(render().contains(expected), render());
    }

    @Test
    void a_finding_on_line_zero_has_no_snippet() {
        String expected = """
                policies/treasury.yaml: info[key-reuse]: key `k1` is used by `treasury` and `vault`
                  help: use a separate key per account
                  docs: docs/checks/key-reuse.md
                """;
        assertTrue(render().contains(expected), render());
    }

    @Test
    void an_unreadable_file_skips_the_snippet() {
        String out = new TextRenderer(root.resolve("missing")).render(Reports.of(Reports.singleKey()));
        assertTrue(out.startsWith("""
                policies/treasury.yaml:7:7: error[single-key-authority]: account `treasury`: authority `active`: key `k2` alone satisfies threshold 1
                  help: raise the threshold or give each key less weight
                """), out);
    }

    @Test
    void suppressed_findings_are_listed_apart_with_their_reasons() {
        String expected = """
                suppressed:
                  policies/treasury.yaml:6:7: warning[weak-owner]: account `treasury`: authority `owner`: owner needs 1 signature, active needs 1
                    reason: the owner key is in a vault, reviewed 2026-01
                """;
        assertTrue(render().contains(expected), render());
        assertEquals(1, render().split("weak-owner", -1).length - 1);
    }

    @Test
    void figures_are_listed_for_people() {
        assertTrue(render().contains("resilience:\n  account `treasury`: authority `active`: 1 of 2 keys signs; 1 key can be lost\n"), render());
    }

    @Test
    void the_last_line_sums_up() {
        assertTrue(render().endsWith("\n2 errors, 0 warnings, 1 info, 1 suppressed\n"), render());
        assertEquals("0 errors, 1 warning, 0 info, 0 suppressed\n",
                new TextRenderer(root).render(Reports.of(Reports.warningAt("x.yaml", "m"))).lines().reduce((a, b) -> b).orElseThrow() + "\n");
    }

    @Test
    void errors_come_in_file_order() {
        String out = render();
        assertTrue(out.indexOf("single-key-authority]") < out.indexOf("unreachable-threshold]"));
        assertTrue(out.indexOf("key-reuse]") < out.indexOf("single-key-authority]"));
    }
}
