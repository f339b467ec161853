package io.quorate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GitHub Action of {@code action.yml}: its inputs and outputs, and its lint step's script run
 * with bash as a runner would run it (inputs in the environment), on a policy with an error.
 */
class ActionTest {

    static JsonNode action() throws Exception {
        return new ObjectMapper(new YAMLFactory()).readTree(Path.of("action.yml").toFile());
    }

    static JsonNode step(JsonNode action, String id) {
        for (JsonNode s : action.get("runs").get("steps")) if (id.equals(s.path("id").asText())) return s;
        throw new AssertionError("no step " + id);
    }

    @Test
    void the_action_is_composite_with_its_inputs_and_outputs() throws Exception {
        JsonNode action = action();
        assertEquals("composite", action.get("runs").get("using").asText());
        for (String input : List.of("paths", "exclude", "fail-on", "sarif-file", "jar", "docs-base", "args")) {
            assertTrue(action.get("inputs").has(input), input);
            assertTrue(action.get("inputs").get(input).has("description"), input);
        }
        assertTrue(action.get("outputs").has("sarif-file"));
        assertTrue(action.get("outputs").has("exit-code"));
        for (JsonNode s : action.get("runs").get("steps")) {
            assertTrue(!s.get("run").asText().contains("${{"), "inputs reach scripts only through the environment: " + s);
            assertEquals("bash", s.get("shell").asText());
        }
    }

    /** The lint step run as a runner runs it, from {@code actionPath}, on a workspace whose policy has an error. */
    static Launcher.Result lintStep(Path dir, Path actionPath, String repository, String ref) throws Exception {
        JsonNode lint = step(action(), "lint");
        Path workspace = Files.createDirectories(dir.resolve("workspace"));
        Files.createDirectories(workspace.resolve("policies/drafts"));
        Files.writeString(workspace.resolve("policies/vault.yaml"), CompileWarningsTest.UNUSABLE);
        Files.writeString(workspace.resolve("policies/drafts/broken.yaml"), LintInCiTest.BROKEN);
        ProcessBuilder pb = new ProcessBuilder("bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", lint.get("run").asText())
                .directory(workspace.toFile());
        Map<String, String> env = pb.environment();
        env.put("GITHUB_ACTION_PATH", actionPath.toString());
        env.put("GITHUB_OUTPUT", dir.resolve("github-output").toString());
        env.put("QUORATE_JAR", Launcher.jar(dir).toString());
        env.put("QUORATE_PATHS", "policies");
        env.put("QUORATE_EXCLUDE", "drafts\n");
        env.put("QUORATE_FAIL_ON", "error");
        env.put("QUORATE_SARIF", "quorate.sarif");
        env.put("QUORATE_DOCS_BASE", "");
        env.put("QUORATE_ARGS", "--level single-key-control=warning");
        env.put("ACTION_REPOSITORY", repository);
        env.put("ACTION_REF", ref);
        env.remove("GITHUB_SERVER_URL");
        return Launcher.run(pb);
    }

    static String helpUri(Path dir) throws Exception {
        JsonNode sarif = new ObjectMapper().readTree(dir.resolve("workspace/quorate.sarif").toFile());
        return sarif.get("runs").get(0).get("tool").get("driver").get("rules").get(0).path("helpUri").asText();
    }

    @Test
    void the_lint_step_writes_sarif_annotates_and_fails_on_an_error(@TempDir Path dir) throws Exception {
        assumeTrue(Launcher.onPath("bash", "--version"), "bash is not on PATH");
        Launcher.Result r = lintStep(dir, Path.of("").toAbsolutePath(), "acme/quorate", "v1");
        Path workspace = dir.resolve("workspace");
        Path output = dir.resolve("github-output");

        assertEquals(1, r.exit(), r.output());
        assertTrue(r.output().contains("::error file=policies/vault.yaml,line=6,col=7,title=open-authority::"), r.output());
        JsonNode sarif = new ObjectMapper().readTree(workspace.resolve("quorate.sarif").toFile());
        JsonNode run = sarif.get("runs").get(0);
        assertEquals("open-authority", run.get("results").get(0).get("ruleId").asText());
        assertTrue(run.get("tool").get("driver").get("rules").get(0).get("helpUri").asText()
                .startsWith("https://github.com/acme/quorate/blob/v1/docs/checks/"), run.toString());
        assertEquals(List.of("sarif-file=quorate.sarif", "exit-code=1"), Files.readAllLines(output));
    }

    @Test
    void without_the_action_repository_the_doc_links_come_from_the_action_path(@TempDir Path dir) throws Exception {
        assumeTrue(Launcher.onPath("bash", "--version"), "bash is not on PATH");
        Path installed = dir.resolve("_actions/acme/quorate/release/v2");
        Files.createDirectories(installed.getParent());
        Files.createSymbolicLink(installed, Path.of("").toAbsolutePath());
        Launcher.Result r = lintStep(dir, installed, "", "");
        assertEquals(1, r.exit(), r.output());
        assertTrue(helpUri(dir).startsWith("https://github.com/acme/quorate/blob/release/v2/docs/checks/"), helpUri(dir));

        Launcher.Result local = lintStep(dir.resolve("local"), Path.of("").toAbsolutePath(), "", "");
        assertEquals(1, local.exit(), local.output());
        assertEquals("", helpUri(dir.resolve("local")), "a local action has no repository address to link to");
    }
}
