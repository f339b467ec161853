package io.quorate.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.diag.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which files of a directory are policy files, and which globs leave files out. */
class PolicyFilesTest {

    @Test
    void a_policy_file_has_a_top_level_quorate_key() {
        assertTrue(PolicyFiles.isPolicy("quorate: 1\n"));
        assertTrue(PolicyFiles.isPolicy("# vault accounts\n---\nkeys: {}\nquorate: 1\n"));
        assertTrue(PolicyFiles.isPolicy("\"quorate\" : 1\n"));
        assertTrue(PolicyFiles.isPolicy("# comment\n{quorate: 1, accounts: {}}\n"));
        assertTrue(PolicyFiles.isPolicy("quorate: [broken\n"), "a broken policy is still a policy, reported by the loader");
        assertFalse(PolicyFiles.isPolicy("name: ci\non: push\n"));
        assertFalse(PolicyFiles.isPolicy("jobs:\n  quorate:\n    runs-on: ubuntu-latest\n"));
        assertFalse(PolicyFiles.isPolicy("quorate_version: 1\n"));
        assertFalse(PolicyFiles.isPolicy(""));
    }

    @Test
    void a_change_plan_beside_the_policies_is_not_a_policy_file(@TempDir Path dir) throws Exception {
        assertFalse(PolicyFiles.isPolicy("quorate: 1\npolicy: vault.yaml\nsteps:\n  - set_threshold: {authority: spend, threshold: 2}\n"));
        assertTrue(PolicyFiles.isPolicy("quorate: 1\naccounts:\n  vault:\n    steps: 2\n"), "only a top-level `steps:` makes a plan");
        Path policy = Files.writeString(dir.resolve("vault.yaml"), "quorate: 1\naccounts: {}\n");
        Files.writeString(dir.resolve("rotate.yaml"), "quorate: 1\npolicy: vault.yaml\nsteps: []\n");
        assertEquals(List.of(policy), PolicyFiles.in(dir, Exclusions.NONE));
    }

    @Test
    void a_glob_without_a_slash_matches_names_and_one_with_a_slash_matches_paths() {
        Path root = Path.of("policies");
        Exclusions byName = Exclusions.of(List.of("drafts", "*.draft.yaml"));
        assertTrue(byName.excludes(root, root.resolve("team/drafts")));
        assertTrue(byName.excludes(root, root.resolve("a/b.draft.yaml")));
        assertFalse(byName.excludes(root, root.resolve("a/b.yaml")));
        Exclusions byPath = Exclusions.of(List.of("./team/drafts/", "policies/old/**"));
        assertTrue(byPath.excludes(root, root.resolve("team/drafts")));
        assertFalse(byPath.excludes(root, root.resolve("other/team/drafts")));
        assertTrue(byPath.excludes(root, root.resolve("old/x.yaml")));
        assertTrue(byPath.excludes(Path.of("policies/old/x.yaml")));
        assertThrows(IllegalArgumentException.class, () -> Exclusions.of(List.of("a{b")));
        assertThrows(IllegalArgumentException.class, () -> Exclusions.of(List.of(" ")));
    }

    @Test
    void a_directory_of_no_policy_files_says_what_a_policy_file_is(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("compose.yaml"), "services: {}\n");
        var d = assertThrows(InputException.class, () -> PolicyLoader.load(List.of(dir))).diagnostics().get(0);
        assertEquals("no-policy-files", d.code());
        assertTrue(d.help().contains("`quorate: 1`"), d.help());
    }

    @Test
    void excluding_every_file_given_is_an_error_not_an_empty_policy_set(@TempDir Path dir) throws Exception {
        Path p = Files.writeString(dir.resolve("p.yaml"), "quorate: 1\n");
        var d = assertThrows(InputException.class, () -> PolicyLoader.load(List.of(p), Exclusions.of(List.of("*.yaml")))).diagnostics().get(0);
        assertEquals("no-policy-files", d.code());
        assertEquals("every policy file given is excluded", d.message());
    }
}
