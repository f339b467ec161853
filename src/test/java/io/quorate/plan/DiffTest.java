package io.quorate.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.policy.PolicyLoader;
import io.quorate.policy.PolicySet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** quorate diff: the steps between two policy sets, their safety, and a git revision as the old side. */
class DiffTest {

    static PolicySet load(String text) throws Exception {
        return PolicyLoader.load("p.yaml", text);
    }

    @Test
    void the_casper_tutorial_as_a_diff_is_safe_and_ends_at_the_new_policy() throws Exception {
        PolicySet before = PolicyLoader.load(List.of(Path.of("examples/plans/start/casper-single.yaml")));
        PolicySet after = PolicyLoader.load(List.of(Path.of("policies/casper-multisig.yaml")));
        DiffReport d = PolicyDiff.of(before, after);
        assertTrue(d.safe());
        assertEquals(List.of("casper-primary"), d.accountsChanged());
        var end = (io.quorate.chain.casper.CasperAccount) d.plan().end().account("casper-primary");
        assertEquals(2, end.deployment());
        assertEquals(3, end.keyManagement());
        assertEquals(3, end.keys().size());
    }

    @Test
    void thresholds_lowered_get_a_safe_order_and_an_impossible_authority_is_not_safe() throws Exception {
        String eos = """
                quorate: 1
                keys:
                  a: EOS6MRyAjQq8ud7hVNYcfnVPJqcVpscN5So8BhtHuGYqET5GDW5CV
                  b: EOS6sAXWJhx3Ezy6cbyuoeNgMq9ReXTJNnkaJhsCHTV2xHYpwUAVs
                accounts:
                  acct:
                    chain: hive
                    owner:   {threshold: 1, keys: [{key: STM5hWTqmVT72bxiGiFyjnCeH6EHRDS6LXKMdwwo2fSUjdH3cRzQd, weight: 1}]}
                    active:  {threshold: 1, keys: [{key: STM7JNWU2b2DBMp9WZRGHKqE7hQA9MKn2URLBCMfU95p29vzAQn8F, weight: 1}]}
                """;
        DiffReport d = PolicyDiff.of(load(eos), load(eos.replace("active:  {threshold: 1", "active:  {threshold: 3")));
        assertFalse(d.safe());
        assertEquals("unsafe", d.plan().verdict());
        assertTrue(d.findingsNew().stream().anyMatch(f -> f.id().equals("threshold-unreachable")));
        assertTrue(DiffText.markdown(d).contains("**not safe**"));
    }

    @Test
    void a_git_revision_is_the_old_side(@TempDir Path repo) throws Exception {
        Path policy = repo.resolve("policy");
        Files.createDirectories(policy);
        Files.copy(Path.of("examples/plans/start/casper-single.yaml"), policy.resolve("casper.yaml"));
        git(repo, "init", "-q");
        git(repo, "-c", "user.name=t", "-c", "user.email=t@example.com", "add", ".");
        git(repo, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "start");
        Files.copy(Path.of("policies/casper-multisig.yaml"), policy.resolve("casper.yaml"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path old = GitRevision.checkout("HEAD", policy, Files.createTempDirectory(repo, "old"));
        DiffReport d = PolicyDiff.of(PolicyLoader.load(List.of(old)), PolicyLoader.load(List.of(policy)));
        assertEquals(List.of("casper-primary"), d.accountsChanged());
        assertTrue(d.safe());
        assertTrue(DiffJson.render(d).contains("\"verdict\":\"safe\""));
    }

    @Test
    void a_revision_git_does_not_know_is_bad_input(@TempDir Path repo) throws Exception {
        git(repo, "init", "-q");
        var e = org.junit.jupiter.api.Assertions.assertThrows(io.quorate.diag.InputException.class,
                () -> GitRevision.checkout("no-such-rev", repo, Files.createTempDirectory("q")));
        assertEquals("git-revision", e.diagnostics().get(0).code());
    }

    static void git(Path dir, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("git", "-C", dir.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
    }
}
