package io.quorate.chains.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.chain.casper.CasperAccount;
import io.quorate.chains.OnChainIds;
import io.quorate.engine.PreparedPolicy;
import io.quorate.engine.Quorate;
import io.quorate.policy.PolicyLoader;
import io.quorate.policy.PolicySet;
import io.quorate.transaction.ActionRequest;
import io.quorate.transaction.Context;
import io.quorate.transaction.Transaction;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Accounts as the chains' APIs return them import into policies that load and decide like the chain. */
class ImportTest {

    static String resource(String path) {
        try (InputStream in = ImportTest.class.getResourceAsStream("/import/" + path)) {
            if (in == null) throw new IllegalStateException("no test resource import/" + path);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Importer.Result run(String format, String... paths) throws ImportException {
        List<Importer.Input> inputs = new ArrayList<>();
        for (String p : paths) inputs.add(new Importer.Input(p, resource(p)));
        return Importer.run(format, inputs);
    }

    static PolicySet load(Importer.Result r) throws Exception {
        return PolicyLoader.load("imported.yaml", r.yaml());
    }

    static boolean allows(PreparedPolicy p, String account, String action, String... signatures) {
        return p.authorize(Transaction.of(account, action, List.of(signatures))).allowed();
    }

    static List<String> problems(String format, String name, String json) {
        ImportException e = assertThrows(ImportException.class,
                () -> Importer.run(format, List.of(new Importer.Input(name, json))));
        return e.problems().stream().map(ImportProblem::render).toList();
    }

    // ---- EOS

    @Test
    void eos_get_account_answers_become_a_policy_that_decides_the_tutorial_transfer() throws Exception {
        Importer.Result r = run("eos", "eos/mymultisig11.json", "eos/partner11111.json",
                "eos/partner22222.json", "eos/partner33333.json");
        PreparedPolicy p = Quorate.prepare(load(r));
        assertTrue(allows(p, "mymultisig11", "eosio.token::transfer", "partner22222_active_1", "partner11111_active_1"));
        assertEquals(false, allows(p, "mymultisig11", "eosio.token::transfer", "partner22222_active_1"));
        assertTrue(r.yaml().contains("gameplay1111::*\": claim"), r.yaml());
        assertTrue(r.yaml().contains("- {seconds: 3600, weight: 1}"), r.yaml());
    }

    @Test
    void eos_permissions_are_written_owner_first_and_parents_only_where_not_the_default() throws Exception {
        String yaml = run("eos", "eos/mymultisig11.json").yaml();
        assertTrue(yaml.indexOf("owner:") < yaml.indexOf("active:") && yaml.indexOf("active:") < yaml.indexOf("claim:"), yaml);
        assertEquals(false, yaml.contains("parent:"), yaml);
    }

    @Test
    void a_key_met_again_keeps_its_first_name_however_it_is_written() throws Exception {
        Importer.Result r = run("eos", "eos/mymultisig11.json", "eos/partner33333.json");
        // partner33333's owner (EOS…) and active (PUB_K1_…) key is mymultisig11's claim key
        assertEquals(1, r.yaml().lines().filter(l -> l.startsWith("  mymultisig11_claim_1:")).count(), r.yaml());
        assertEquals(false, r.yaml().contains("partner33333_"), r.yaml());
        PreparedPolicy p = Quorate.prepare(load(r));
        assertTrue(allows(p, "partner33333", "eosio.token::transfer", "PUB_K1_6MRyAjQq8ud7hVNYcfnVPJqcVpscN5So8BhtHuGYqET5BoDq63"));
    }

    @Test
    void eos_problems_name_their_json_path() {
        assertEquals(List.of(
                "eos/malformed.json: $.permissions[0].required_auth.accounts[2].weight: `70000` is out of range: expected 0 to 65535",
                "eos/malformed.json: $.permissions[1].required_auth.threshold: expected an integer, got the string `1`"),
                problems("eos", "eos/malformed.json", resource("eos/malformed.json")));
    }

    @Test
    void a_key_that_is_not_the_chains_is_reported_at_its_path() {
        List<String> p = problems("eos", "a.json", """
                {"account_name": "alice", "permissions": [{"perm_name": "owner", "parent": "",
                  "required_auth": {"threshold": 1, "keys": [{"key": "01360af6b38e9a3a9b5c0c9b3e8d8f8c26a3d2f0b1d6a0c8e6f4a2b0c9d8e7f6a5", "weight": 1}]}}]}
                """);
        assertEquals(1, p.size(), p.toString());
        assertTrue(p.get(0).startsWith("a.json: $.permissions[0].required_auth.keys[0].key: `01360af6"), p.get(0));
        assertTrue(p.get(0).contains("is not a valid eos public key"), p.get(0));
    }

    @Test
    void missing_fields_and_wrong_shapes_are_all_reported() {
        List<String> p = problems("eos", "a.json", """
                {"account_name": "alice", "permissions": [{"parent": ""}, {"perm_name": "owner", "required_auth": []}]}
                """);
        assertEquals(List.of("a.json: $.permissions[0]: missing field `perm_name`",
                "a.json: $.permissions[1].required_auth: expected an object, got an array"), p);
    }

    @Test
    void a_file_that_is_not_json_says_where() {
        List<String> p = problems("eos", "a.json", "{\"account_name\": \"alice\",\n  permissions: []}");
        assertEquals(1, p.size());
        assertTrue(p.get(0).startsWith("a.json: not JSON: line 2, column 3: "), p.get(0));
    }

    @Test
    void an_account_imported_twice_is_an_error() {
        String json = resource("eos/partner11111.json");
        ImportException e = assertThrows(ImportException.class, () -> Importer.run("eos",
                List.of(new Importer.Input("a.json", json), new Importer.Input("b.json", json))));
        assertEquals("b.json: $: account `partner11111` is already imported from a.json\n  help: import each account once",
                e.problems().get(0).render());
    }

    // ---- Hive

    @Test
    void hive_get_accounts_and_find_accounts_import_together() throws Exception {
        Importer.Result r = run("hive", "hive/condenser_get_accounts.json", "hive/find_accounts.json");
        PreparedPolicy p = Quorate.prepare(load(r));
        assertTrue(allows(p, "test.auth", "transfer", "test.auth_active_1", "test.auth_active_2"));
        assertTrue(allows(p, "test.auth", "transfer", "test.auth_active_1", "test.auth_active_3", "test.auth_active_4"));
        assertEquals(false, allows(p, "test.auth", "transfer", "test.auth_active_3", "test.auth_active_4", "test.auth_active_5"));
        assertTrue(allows(p, "test.ops", "vote", "test.auth_posting_1"));
        assertTrue(r.yaml().contains("- {account: test.auth, weight: 1}"), r.yaml());
    }

    @Test
    void hive_authority_entries_must_be_pairs() {
        List<String> p = problems("hive", "h.json", """
                [{"name": "x", "active": {"weight_threshold": 1, "account_auths": [], "key_auths": [["STM7JNWU2b2DBMp9WZRGHKqE7hQA9MKn2URLBCMfU95p29vzAQn8F"]]}}]
                """);
        assertEquals(List.of("h.json: $[0].active.key_auths[0]: expected a pair [name or key, weight], got an array"), p);
    }

    // ---- Casper

    @Test
    void the_casper_tutorial_account_imports_as_printed_and_decides_its_deploys() throws Exception {
        Importer.Result r = run("casper", "casper/tutorial_account.txt");
        PolicySet policy = load(r);
        CasperAccount account = (CasperAccount) policy.account("casper_1ed5a1c3");
        assertEquals(1, account.version());
        assertEquals(2, account.deployment());
        assertEquals(3, account.keyManagement());
        PreparedPolicy p = Quorate.prepare(policy);
        String primary = "01360af61b50cdcb7b92cffe2c99315d413d34ef77fadee0c105cc4f1d4120f986";
        assertTrue(allows(p, "casper_1ed5a1c3", "deploy", primary));
        assertTrue(allows(p, "casper_1ed5a1c3", "key_management", primary));
        assertTrue(allows(p, "casper_1ed5a1c3", "deploy", "casper_1ed5a1c3_key_1", "casper_1ed5a1c3_key_3"));
        assertEquals(false, allows(p, "casper_1ed5a1c3", "key_management", "casper_1ed5a1c3_key_1", "casper_1ed5a1c3_key_3"));
        assertEquals("account-hash-1ed5a1c39bea93c105f2d22c965a84b205b36734a377d05dbb103b6bfaa595a7",
                OnChainIds.of(policy).get("casper_1ed5a1c3@casper_1ed5a1c3_primary"));
    }

    @Test
    void a_casper_2_node_answer_keeps_upgrade_management() throws Exception {
        PolicySet policy = load(run("casper", "casper/state_get_account_info.json"));
        CasperAccount account = (CasperAccount) policy.account("casper_ed7f9daf");
        assertEquals(2, account.version());
        assertEquals(2, account.upgradeManagement());
        assertEquals(2, account.keys().get(1).weight());
    }

    @Test
    void casper_account_hashes_are_checked() {
        List<String> p = problems("casper", "c.json", """
                {"account": {"account_hash": "account-hash-1ed5", "associated_keys": [], "action_thresholds": {"deployment": 1, "key_management": 1}}}
                """);
        assertEquals(List.of("c.json: $.account.account_hash: `account-hash-1ed5` is not an account hash\n"
                + "  help: account hashes are `account-hash-` and 64 hex digits"), p);
    }

    // ---- FT4

    @Test
    void ft4_descriptors_import_from_json_and_from_chr_output_alike() throws Exception {
        String fromJson = run("ft4", "ft4/get_account_auth_descriptors.json").yaml();
        String fromChr = run("ft4", "ft4/get_account_auth_descriptors.txt").yaml();
        assertEquals(fromJson.substring(fromJson.indexOf('\n')), fromChr.substring(fromChr.indexOf('\n')));
    }

    @Test
    void imported_ft4_descriptors_have_the_ids_the_chain_printed_and_decide_like_it() throws Exception {
        Importer.Result r = run("ft4", "ft4/get_account_auth_descriptors.txt");
        assertEquals(List.of(), r.warnings());
        PolicySet policy = load(r);
        Map<String, String> ids = OnChainIds.of(policy);
        assertEquals("885A6648772AB9615CCD88D25201402F734B43EF20DA959623591B0DCA5098C5", ids.get("ft4_885a6648"));
        assertEquals("CF59942E080205C7FE6CC3164D868D401EA2094A77104E19484363483E4808B5", ids.get("ft4_885a6648@main"));
        assertEquals("C38D2D5EBD3835263148893C7F432CCF66D6D43A7BE031DA73630B2C9645426E", ids.get("ft4_885a6648@ad_c38d2d5e"));
        PreparedPolicy p = Quorate.prepare(policy);
        assertTrue(allows(p, "ft4_885a6648", "transfer", "ft4_885a6648_main_1", "ft4_885a6648_main_3"));
        assertEquals(false, allows(p, "ft4_885a6648", "transfer", "ft4_885a6648_main_2"));
        Transaction dan = new Transaction(null, List.of(ActionRequest.of("ft4_885a6648", "transfer")),
                List.of("035C9040EB3FF858BDA4FB0FF8737A02EFDA2CD74AD07BB5A2F18217795BBF67AC"), List.of(), null,
                new Context(null, 1_000_000L, null, null, 0), null, null);
        assertEquals(false, p.authorize(dan).allowed());
        Transaction later = new Transaction(null, dan.actions(), dan.signatures(), List.of(), null,
                new Context(null, 1876543210124L, null, null, 0), null, null);
        assertTrue(p.authorize(later).allowed());
    }

    @Test
    void the_main_descriptor_answer_marks_its_descriptor_main() throws Exception {
        PolicySet policy = load(run("ft4", "ft4/get_account_main_auth_descriptor.txt"));
        assertEquals("E6D0B18FD6BEE8EBE8E514DF55B46E5977FC4B3E16569B9D5A3C62FE050124A3", OnChainIds.of(policy).get("ft4_885a6648@main"));
    }

    @Test
    void an_account_whose_main_descriptor_cannot_be_told_asks_for_the_main_descriptor_answer() {
        String one = "{\"account_id\": \"885A6648772AB9615CCD88D25201402F734B43EF20DA959623591B0DCA5098C5\", \"auth_type\": \"S\", "
                + "\"args\": [[\"A\", \"T\"], \"%s\"], \"rules\": null}";
        String json = "[" + one.formatted("022672944E1D542487601145FF42B2953F32CC7DA1167EBD3D0087954816EDD146") + ", "
                + one.formatted("035C9040EB3FF858BDA4FB0FF8737A02EFDA2CD74AD07BB5A2F18217795BBF67AC") + "]";
        assertEquals(List.of("d.json: $[0]: cannot tell which of the account's 2 descriptors is main (2 have flags A and T without rules)\n"
                + "  help: import the output of `ft4.get_account_main_auth_descriptor` for the account too"),
                problems("ft4", "d.json", json));
    }

    @Test
    void a_descriptor_id_that_is_not_the_hash_of_its_contents_is_a_warning() throws Exception {
        String json = resource("ft4/get_account_auth_descriptors.json").replace("\"T\"\n      ],\n      \"035C", "\"A\", \"T\"\n      ],\n      \"035C");
        Importer.Result r = Importer.run("ft4", List.of(new Importer.Input("d.json", json)));
        assertEquals(1, r.warnings().size(), r.yaml());
        assertTrue(r.warnings().get(0).render().startsWith("d.json: $[1].id: the descriptor's id `C38D2D5E"), r.warnings().toString());
    }

    @Test
    void ft4_args_must_fit_the_auth_type() {
        List<String> p = problems("ft4", "d.json", """
                {"account_id": "885A6648772AB9615CCD88D25201402F734B43EF20DA959623591B0DCA5098C5", "auth_type": "M",
                 "args": [["A", "T"], "022672944E1D542487601145FF42B2953F32CC7DA1167EBD3D0087954816EDD146"], "rules": null}
                """);
        assertEquals(List.of("d.json: $.args: a multi-sig (M) descriptor's args are [flags, signatures_required, signers], got 2 elements"), p);
    }

    @Test
    void chr_notation_errors_say_where() {
        List<String> p = problems("ft4", "d.txt", "[\n\"account_id\": x\"88\",\n\"args\": [x\"zz\"]\n]");
        assertEquals(List.of("d.txt: not JSON nor chr's GTV notation: line 3, column 10: x\"…\" holds `zz`, which is not hex"), p);
    }
}
