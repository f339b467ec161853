package io.quorate.chain.eos;

import static io.quorate.chains.imports.Imports.allows;
import static io.quorate.chains.imports.Imports.load;
import static io.quorate.chains.imports.Imports.problems;
import static io.quorate.chains.imports.Imports.resource;
import static io.quorate.chains.imports.Imports.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.chains.imports.Importer;
import io.quorate.engine.PreparedPolicy;
import io.quorate.engine.Quorate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Antelope {@code get_account} answers import into policies that load and decide like the chain. */
class EosImportTest {

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
}
