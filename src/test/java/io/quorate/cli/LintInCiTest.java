package io.quorate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import io.quorate.cli.CommandLineTest.Run;
import io.quorate.lint.CheckInfo;
import io.quorate.lint.CheckRegistry;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** {@code quorate lint} as a CI step sees it: documents even when nothing loads, excluded and skipped files, the catalogue. */
class LintInCiTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static JsonSchema sarifSchema;

    static final String GOOD = """
            quorate: 1
            accounts:
              vault:
                chain: generic
                authorities:
                  admin: {threshold: 2, keys: [{key: k1, weight: 1}, {key: k2, weight: 1}, {key: k3, weight: 1}]}
            """;

    /** Three load errors: line 6, column 26 holds a threshold that is not a number; line 7 misspells `threshold`. */
    static final String BROKEN = """
            quorate: 1
            accounts:
              vault:
                chain: generic
                authorities:
                  admin: {threshold: two, keys: [{key: k1, weight: 1}]}
                  extra: {thresold: 1}
            """;

    @BeforeAll
    static void loadSchema() throws Exception {
        try (InputStream in = LintInCiTest.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            sarifSchema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in, config);
        }
    }

    static Run lint(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "lint";
        System.arraycopy(args, 0, all, 1, args.length);
        return CommandLineTest.run(all);
    }

    @Test
    void a_policy_that_does_not_load_is_a_valid_sarif_log_with_a_result_per_error(@TempDir Path dir) throws Exception {
        Path p = Files.writeString(dir.resolve("broken.yaml"), BROKEN);
        Run r = lint("--format", "sarif", p.toString());
        assertEquals(ExitCode.BAD_INPUT, r.exit());
        JsonNode log = JSON.readTree(r.out());
        assertTrue(sarifSchema.validate(log).isEmpty(), sarifSchema.validate(log) + "\n" + r.out());
        JsonNode run = log.get("runs").get(0);
        List<String> rules = run.get("tool").get("driver").get("rules").findValuesAsText("id");
        JsonNode results = run.get("results");
        assertEquals(3, results.size(), r.out());
        assertEquals(List.of("wrong-type", "missing-field", "unknown-field"), results.findValuesAsText("ruleId"));
        for (JsonNode result : results) {
            assertTrue(rules.contains(result.get("ruleId").asText()), result.toString());
            assertEquals("error", result.get("level").asText());
        }
        JsonNode region = results.get(0).get("locations").get(0).get("physicalLocation").get("region");
        assertEquals(6, region.get("startLine").asInt());
        assertEquals(26, region.get("startColumn").asInt());
        assertTrue(results.get(0).get("locations").get(0).get("physicalLocation").get("artifactLocation").get("uri").asText().endsWith("broken.yaml"));
        assertEquals(7, results.get(1).get("locations").get(0).get("physicalLocation").get("region").get("startLine").asInt());
        assertTrue(r.err().contains("broken.yaml:6:26"), "people still read the errors on standard error: " + r.err());
    }

    @Test
    void a_policy_that_does_not_load_is_annotated_tested_and_listed_in_the_other_formats(@TempDir Path dir) throws Exception {
        Path p = Files.writeString(dir.resolve("broken.yaml"), BROKEN);

        Run github = lint("--format", "github", p.toString());
        assertEquals(ExitCode.BAD_INPUT, github.exit());
        List<String> annotations = github.out().lines().toList();
        assertEquals(3, annotations.size(), github.out());
        assertTrue(annotations.get(0).startsWith("::error file=" + p + ",line=6,col=26,title="), annotations.get(0));

        Run junit = lint("--format", "junit", p.toString());
        assertEquals(ExitCode.BAD_INPUT, junit.exit());
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(junit.out().getBytes(StandardCharsets.UTF_8)));
        assertTrue(xml.getElementsByTagName("failure").getLength() >= 1, junit.out());
        assertTrue(junit.out().contains("broken.yaml:6:26"), junit.out());

        Run json = lint("--format", "json", p.toString());
        assertEquals(ExitCode.BAD_INPUT, json.exit());
        JsonNode report = JSON.readTree(json.out());
        assertEquals(3, report.get("findings").size());
        assertEquals(6, report.get("findings").get(0).get("line").asInt());
        assertEquals("load", report.get("findings").get(0).get("category").asText());
        assertEquals(3, report.get("summary").get("error").asInt());

        Run text = lint(p.toString());
        assertEquals(ExitCode.BAD_INPUT, text.exit());
        assertEquals("", text.out());
        assertTrue(text.err().contains("broken.yaml:6:26"), text.err());
    }

    @Test
    void a_directory_walk_takes_only_policy_files_outside_hidden_folders(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("policy.yaml"), GOOD);
        Files.createDirectories(dir.resolve(".github/workflows"));
        Files.writeString(dir.resolve(".github/workflows/ci.yml"), "quorate: 1\naccounts: [\n");
        Files.writeString(dir.resolve("compose.yaml"), "services:\n  app: {image: x}\n");
        Files.writeString(dir.resolve("action.yml"), "name: x\nruns: {using: composite, steps: []}\n  quorate: nested, not top-level\n");
        Run r = lint("--format", "json", dir.toString());
        assertEquals(ExitCode.OK, r.exit(), r.out() + r.err());
        JsonNode report = JSON.readTree(r.out());
        assertTrue(report.get("figures").findValuesAsText("account").contains("vault"), r.out());
    }

    @Test
    void exclude_leaves_out_files_and_folders_by_name_or_path(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("policy.yaml"), GOOD);
        Files.createDirectories(dir.resolve("drafts/deep"));
        Files.writeString(dir.resolve("drafts/deep/broken.yaml"), BROKEN);
        Files.writeString(dir.resolve("wip.draft.yaml"), BROKEN);
        assertEquals(ExitCode.BAD_INPUT, lint(dir.toString()).exit());
        assertEquals(ExitCode.OK, lint("--exclude", "drafts", "--exclude", "*.draft.yaml", dir.toString()).exit());
        assertEquals(ExitCode.OK, lint("--exclude", "drafts/**", "--exclude", "wip.*", dir.toString()).exit());
        assertEquals(ExitCode.OK, lint("--exclude", dir + "/drafts/**", "--exclude", "*.draft.yaml", dir.toString()).exit());
        assertEquals(ExitCode.BAD_INPUT, lint("--exclude", "drafts", dir.toString()).exit(), "wip.draft.yaml is still broken");
        Run bad = lint("--exclude", "[", dir.toString());
        assertEquals(ExitCode.BAD_INPUT, bad.exit());
        assertTrue(bad.err().startsWith("error: `[` is not a glob"), bad.err());
    }

    @Test
    void checks_lists_the_whole_catalogue_in_text_and_json() throws Exception {
        List<CheckInfo> catalogue = CheckRegistry.checks();
        Run text = CommandLineTest.run("checks");
        assertEquals(ExitCode.OK, text.exit(), text.err());
        List<String> lines = text.out().lines().toList();
        assertEquals(catalogue.size(), lines.size());
        for (int i = 0; i < lines.size(); i++) {
            CheckInfo c = catalogue.get(i);
            assertTrue(lines.get(i).matches("\\Q" + c.id() + "\\E +" + c.severity().label() + " +\\Q" + c.category() + "\\E +\\Q" + c.summary() + "\\E"), lines.get(i));
        }
        Run json = CommandLineTest.run("checks", "--format", "json");
        List<String> objects = json.out().lines().toList();
        assertEquals(catalogue.size(), objects.size());
        JsonNode first = JSON.readTree(objects.get(0));
        assertEquals(catalogue.get(0).id(), first.get("id").asText());
        for (String field : List.of("severity", "category", "summary", "help", "docs")) assertTrue(first.hasNonNull(field), field);
    }

    @Test
    void a_mistyped_check_id_gets_a_suggestion_wherever_ids_are_taken(@TempDir Path dir) throws Exception {
        Run checks = CommandLineTest.run("checks", "single-key-contrl");
        assertEquals(ExitCode.BAD_INPUT, checks.exit());
        assertEquals("error: unknown check `single-key-contrl`: did you mean `single-key-control`?", checks.err().strip());
        Run described = CommandLineTest.run("checks", "single-key-control");
        assertEquals(ExitCode.OK, described.exit());
        assertTrue(described.out().contains("docs: docs/checks/single-key-control.md"), described.out());

        Path p = Files.writeString(dir.resolve("policy.yaml"), GOOD);
        Run level = lint("--level", "open-authorty=off", p.toString());
        assertEquals(ExitCode.BAD_INPUT, level.exit());
        assertTrue(level.err().contains("did you mean `open-authority`?"), level.err());

        Run failOn = lint("--fail-on", "warnings", p.toString());
        assertEquals(ExitCode.BAD_INPUT, failOn.exit());
        assertEquals("error: --fail-on: `warnings` is not error, warning, info or never: did you mean `warning`?", failOn.err().strip());
        Run levelValue = lint("--level", "open-authority=eror", p.toString());
        assertTrue(levelValue.err().strip().endsWith("did you mean `error`?"), levelValue.err());

        Files.writeString(p, GOOD.replace("    chain: generic\n",
                "    chain: generic\n    suppress: [{check: lockout-on-key-los, reason: \"vault keys\"}]\n"));
        Run suppression = lint("--format", "json", p.toString());
        JsonNode finding = JSON.readTree(suppression.out()).get("findings").get(0);
        assertEquals("unknown-suppression", finding.get("id").asText());
        assertTrue(finding.get("message").asText().endsWith("suppression of unknown check `lockout-on-key-los`: did you mean `lockout-on-key-loss`?"),
                finding.toString());
    }

    @Test
    void quiet_drops_the_resilience_figures_from_the_text_report(@TempDir Path dir) throws Exception {
        Path p = Files.writeString(dir.resolve("policy.yaml"), GOOD);
        assertTrue(lint(p.toString()).out().contains("resilience:"));
        Run quiet = lint("--quiet", p.toString());
        assertFalse(quiet.out().contains("resilience:"), quiet.out());
        assertTrue(quiet.out().strip().endsWith("0 suppressed"), quiet.out());
    }

    @Test
    void docs_base_gives_every_sarif_rule_a_help_uri_and_the_log_stays_valid(@TempDir Path dir) throws Exception {
        Path p = Files.writeString(dir.resolve("policy.yaml"), GOOD);
        Run r = lint("--format", "sarif", "--docs-base", "https://example.org/acme/quorate/blob/v0.1.0", p.toString());
        assertEquals(ExitCode.OK, r.exit(), r.err());
        JsonNode log = JSON.readTree(r.out());
        assertTrue(sarifSchema.validate(log).isEmpty(), sarifSchema.validate(log).toString());
        for (JsonNode rule : log.get("runs").get(0).get("tool").get("driver").get("rules")) {
            assertEquals("https://example.org/acme/quorate/blob/v0.1.0/docs/checks/" + rule.get("id").asText() + ".md",
                    rule.get("helpUri").asText());
        }
        Run relative = lint("--format", "sarif", "--docs-base", "docs/", p.toString());
        assertEquals(ExitCode.BAD_INPUT, relative.exit());
        assertTrue(relative.err().contains("is not an absolute url"), relative.err());
    }
}
