package io.quorate.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.chain.hive.HiveAccount;
import io.quorate.diag.Diagnostic;
import io.quorate.diag.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Policy sets spread over a directory of files. */
class PolicyDirectoryTest {

    static final String EOS_KEY = "EOS6MRyAjQq8ud7hVNYcfnVPJqcVpscN5So8BhtHuGYqET5GDW5CV";
    static final String HIVE_KEY = "STM7JNWU2b2DBMp9WZRGHKqE7hQA9MKn2URLBCMfU95p29vzAQn8F";
    static final String OTHER_HIVE_KEY = "STM5iLWNocQk8UDUVpuGytJkmLiEuK9XYvyMH3yYRdXhW6qGqbWA4";

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, content);
    }

    @Test
    void loads_every_yaml_file_of_a_directory_tree_in_sorted_order() throws Exception {
        write("b.yaml", "quorate: 1\nkeys: {alice: " + HIVE_KEY + "}\n");
        write("a/acct.yml", "quorate: 1\naccounts:\n  test.auth: {chain: hive, owner: {threshold: 1, keys: [{key: alice, weight: 1}]}}\n");
        write("notes.txt", "not a policy");
        PolicySet set = PolicyLoader.load(List.of(dir));
        HiveAccount a = (HiveAccount) set.account("test.auth");
        assertEquals("alice", a.owner().keys().get(0).key().label());
        assertEquals(dir.resolve("a/acct.yml").toString(), a.at().file());
        assertEquals(1, set.keys().size());
    }

    @Test
    void the_revision_depends_on_content_and_relative_paths_only() throws Exception {
        write("p.yaml", FormatExamplesTest.GENERIC);
        String first = PolicyLoader.load(List.of(dir)).revision();
        assertEquals(first, PolicyLoader.load(List.of(dir)).revision());
        assertEquals(first, PolicyLoader.load(List.of(dir.resolve("p.yaml"))).revision());
        assertEquals(first, PolicyLoader.load("p.yaml", FormatExamplesTest.GENERIC).revision());
        write("p.yaml", FormatExamplesTest.GENERIC.replace("threshold: 2", "threshold: 1"));
        assertNotEquals(first, PolicyLoader.load(List.of(dir)).revision());
    }

    @Test
    void an_account_declared_in_two_files_names_the_first_declaration() throws Exception {
        String account = "quorate: 1\naccounts:\n  vault: {chain: generic, authorities: {a: {threshold: 1}}}\n";
        write("one.yaml", account);
        write("two.yaml", account);
        List<Diagnostic> all = assertThrows(InputException.class, () -> PolicyLoader.load(List.of(dir))).diagnostics();
        assertEquals(1, all.size());
        Diagnostic d = all.get(0);
        assertEquals("duplicate-account", d.code());
        assertEquals(dir.resolve("two.yaml").toString(), d.at().file());
        assertEquals(3, d.at().line());
        assertEquals("account `vault` is already declared at " + dir.resolve("one.yaml") + ":3:3", d.message());
    }

    @Test
    void a_key_name_defined_differently_in_two_other_files_is_ambiguous() throws Exception {
        write("k1.yaml", "quorate: 1\nkeys: {alice: " + HIVE_KEY + "}\n");
        write("k2.yaml", "quorate: 1\nkeys: {alice: " + OTHER_HIVE_KEY + "}\n");
        write("z.yaml", "quorate: 1\naccounts:\n  test.auth: {chain: hive, owner: {threshold: 1, keys: [{key: alice, weight: 1}]}}\n");
        Diagnostic d = assertThrows(InputException.class, () -> PolicyLoader.load(List.of(dir))).diagnostics().get(0);
        assertEquals("ambiguous-key-name", d.code());
        assertEquals(3, d.at().line());
        assertTrue(d.message().contains("k1.yaml:2:") && d.message().contains("k2.yaml:2:"), d.message());
    }

    @Test
    void a_key_name_of_the_same_file_wins_over_other_files() throws Exception {
        write("k1.yaml", "quorate: 1\nkeys: {alice: " + HIVE_KEY + "}\n");
        write("z.yaml", "quorate: 1\nkeys: {alice: " + OTHER_HIVE_KEY + "}\naccounts:\n"
                + "  test.auth: {chain: hive, owner: {threshold: 1, keys: [{key: alice, weight: 1}]}}\n");
        HiveAccount a = (HiveAccount) PolicyLoader.load(List.of(dir)).account("test.auth");
        assertTrue(a.owner().keys().get(0).key().id().canonical().startsWith("secp256k1:026ca4bf"));
    }

    @Test
    void problems_of_all_files_are_reported_together() throws Exception {
        write("a.yaml", "quorate: 1\naccounts: {x: {chain: nope}}\n");
        write("b.yaml", "quorate: 1\nkeys: [alice]\n");
        write("c.yaml", "quorate: 1\naccounts: {x: [}\n");
        List<Diagnostic> all = assertThrows(InputException.class, () -> PolicyLoader.load(List.of(dir))).diagnostics();
        assertEquals(List.of("unknown-chain", "wrong-type", "yaml-syntax"), all.stream().map(Diagnostic::code).toList());
    }

    @Test
    void a_missing_path_and_a_directory_without_policies_are_diagnostics() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Path missing = dir.resolve("missing.yaml");
        List<Diagnostic> all = assertThrows(InputException.class, () -> PolicyLoader.load(List.of(empty, missing))).diagnostics();
        assertEquals(List.of("no-policy-files", "missing-file"), all.stream().map(Diagnostic::code).toList());
        assertEquals(0, all.get(0).at().line());
    }

    @Test
    void the_requirements_of_a_file_go_to_each_of_its_accounts_only() throws Exception {
        write("a.yaml", "quorate: 1\nrequirements: {min_signers: 2, distinct_holders: 2}\naccounts:\n"
                + "  v1: {chain: generic, authorities: {a: {threshold: 1, keys: [{key: k, weight: 1}]}}}\n");
        write("b.yaml", "quorate: 1\naccounts:\n  v2: {chain: generic, authorities: {a: {threshold: 1}}}\n");
        PolicySet set = PolicyLoader.load(List.of(dir));
        assertEquals(2, set.account("v1").requirements().minSigners());
        assertEquals(2, set.account("v1").requirements().distinctHolders());
        assertEquals(Requirements.NONE, set.account("v2").requirements());
    }
}
