package io.quorate.chain.casper;

import static io.quorate.chains.imports.Imports.allows;
import static io.quorate.chains.imports.Imports.load;
import static io.quorate.chains.imports.Imports.problems;
import static io.quorate.chains.imports.Imports.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.chains.OnChainIds;
import io.quorate.chains.imports.ImportException;
import io.quorate.chains.imports.ImportProblem;
import io.quorate.chains.imports.Importer;
import io.quorate.chains.imports.Imports;
import io.quorate.engine.PreparedPolicy;
import io.quorate.engine.Quorate;
import io.quorate.policy.PolicyLoader;
import io.quorate.policy.PolicySet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Casper account answers import into policies that load and decide like the chain. */
class CasperImportTest {

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

    // Casper 2.0 nodes answer state_get_entity with an AddressableEntity rather than an Account

    @Test
    void an_addressable_entity_imports_as_a_version_2_account() throws Exception {
        Importer.Result r = Importer.run("casper", List.of(new Importer.Input("entity.json", Imports.resource("casper/state_get_entity.json"))));
        PolicySet policy = PolicyLoader.load("imported.yaml", r.yaml());
        CasperAccount account = (CasperAccount) policy.account("casper_ed7f9daf");
        assertEquals(2, account.version());
        assertEquals(1, account.deployment());
        assertEquals(2, account.upgradeManagement());
        assertEquals(3, account.keyManagement());
        assertEquals(List.of(2, 1), account.keys().stream().map(k -> k.weight()).toList());
    }

    @Test
    void a_contract_entity_is_no_account() {
        ImportException e = assertThrows(ImportException.class, () -> Importer.run("casper",
                List.of(new Importer.Input("contract.json", Imports.resource("casper/state_get_entity_contract.json")))));
        assertEquals(List.of("contract.json: $.result.entity.AddressableEntity.entity.entity_kind: the entity is a `SmartContract`, "
                + "not an account\n  help: import the entity of an account (`entity_kind: {Account: …}`)"),
                e.problems().stream().map(ImportProblem::render).toList());
    }
}
