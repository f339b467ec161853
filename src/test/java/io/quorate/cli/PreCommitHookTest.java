package io.quorate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code quorate-lint} hook of {@code .pre-commit-hooks.yaml}, run by the real pre-commit on a
 * repository that uses it: a hook repository holding this project's hook file and launcher, and a
 * policy repository whose config points at it.
 */
class PreCommitHookTest {

    @TempDir
    static Path tmp;
    static Path jar;

    @BeforeAll
    static void needsPreCommitAndGit() throws IOException {
        assumeTrue(Launcher.onPath("pre-commit", "--version"), "pre-commit is not on PATH");
        assumeTrue(Launcher.onPath("git", "--version"), "git is not on PATH");
        jar = Launcher.jar(tmp);
    }

    static Launcher.Result git(Path dir, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-c", "user.name=quorate", "-c", "user.email=quorate@example.org",
                "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false"));
        command.addAll(List.of(args));
        Launcher.Result r = Launcher.run(new ProcessBuilder(command).directory(dir.toFile()));
        assertEquals(0, r.exit(), String.join(" ", args) + ": " + r.output());
        return r;
    }

    /** A repository with the project's hook file and launcher, committed; returns its commit. */
    static String hookRepository(Path dir) throws Exception {
        Files.createDirectories(dir.resolve("src/bin"));
        Files.copy(Path.of(".pre-commit-hooks.yaml"), dir.resolve(".pre-commit-hooks.yaml"));
        Files.copy(Path.of("src/bin/quorate"), dir.resolve("src/bin/quorate"), StandardCopyOption.COPY_ATTRIBUTES);
        git(dir, "init", "-q");
        git(dir, "add", "-A");
        git(dir, "commit", "-q", "-m", "hooks");
        return git(dir, "rev-parse", "HEAD").output().strip();
    }

    static Launcher.Result preCommit(Path repo, Path cache) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("pre-commit", "run", "--all-files", "--color", "never").directory(repo.toFile());
        pb.environment().put("PRE_COMMIT_HOME", cache.toString());
        pb.environment().put("QUORATE_JAR", jar.toString());
        return Launcher.run(pb);
    }

    @Test
    void the_hook_passes_a_sound_policy_and_fails_one_anyone_can_use() throws Exception {
        Path hooks = Files.createDirectories(tmp.resolve("hooks"));
        String rev = hookRepository(hooks);
        Path repo = Files.createDirectories(tmp.resolve("policies-repo"));
        git(repo, "init", "-q");
        Files.writeString(repo.resolve(".pre-commit-config.yaml"), """
                repos:
                  - repo: %s
                    rev: %s
                    hooks:
                      - id: quorate-lint
                """.formatted(hooks, rev));
        Files.createDirectories(repo.resolve("policies"));
        Files.writeString(repo.resolve("policies/vault.yaml"), LintInCiTest.GOOD);
        Files.createDirectories(repo.resolve(".github/workflows"));
        Files.writeString(repo.resolve(".github/workflows/ci.yml"), "on: push\njobs: {}\n");
        git(repo, "add", "-A");

        Launcher.Result clean = preCommit(repo, tmp.resolve("cache"));
        assertEquals(0, clean.exit(), clean.output());
        assertTrue(clean.output().contains("quorate lint"), clean.output());
        assertTrue(clean.output().contains("Passed"), clean.output());

        Files.writeString(repo.resolve("policies/vault.yaml"), CompileWarningsTest.UNUSABLE);
        git(repo, "add", "-A");
        Launcher.Result open = preCommit(repo, tmp.resolve("cache"));
        assertEquals(1, open.exit(), open.output());
        assertTrue(open.output().contains("Failed"), open.output());
        assertTrue(open.output().contains("policies/vault.yaml:6:7: error[open-authority]"), open.output());
        assertFalse(open.output().contains("resilience:"), "the hook runs with --quiet: " + open.output());
    }

    @Test
    void the_fmt_hook_rewrites_a_policy_into_canonical_form_and_then_passes() throws Exception {
        Path hooks = Files.createDirectories(tmp.resolve("fmt-hooks"));
        String rev = hookRepository(hooks);
        Path repo = Files.createDirectories(tmp.resolve("fmt-repo"));
        git(repo, "init", "-q");
        Files.writeString(repo.resolve(".pre-commit-config.yaml"), """
                repos:
                  - repo: %s
                    rev: %s
                    hooks:
                      - id: quorate-fmt
                """.formatted(hooks, rev));
        Files.createDirectories(repo.resolve("policies"));
        String scrambled = """
                accounts:
                  vault:
                    authorities:
                      admin: {keys: [{weight: 1, key: k1}, {key: k2, weight: 1}], threshold: 2}   # both
                    chain: generic
                quorate: 1
                """;
        Files.writeString(repo.resolve("policies/vault.yaml"), scrambled);
        Files.createDirectories(repo.resolve(".github/workflows"));
        Files.writeString(repo.resolve(".github/workflows/ci.yml"), "on: push\njobs: {}\n");
        git(repo, "add", "-A");

        Launcher.Result rewrote = preCommit(repo, tmp.resolve("cache"));
        assertEquals(1, rewrote.exit(), rewrote.output());
        assertTrue(rewrote.output().contains("files were modified by this hook"), rewrote.output());
        assertEquals("""
                quorate: 1
                accounts:
                  vault:
                    chain: generic
                    authorities:
                      admin: {threshold: 2, keys: [{key: k1, weight: 1}, {key: k2, weight: 1}]}   # both
                """, Files.readString(repo.resolve("policies/vault.yaml")));
        assertEquals("on: push\njobs: {}\n", Files.readString(repo.resolve(".github/workflows/ci.yml")), "other YAML is left alone");

        git(repo, "add", "-A");
        Launcher.Result canonical = preCommit(repo, tmp.resolve("cache"));
        assertEquals(0, canonical.exit(), canonical.output());
        assertTrue(canonical.output().contains("Passed"), canonical.output());
    }
}
