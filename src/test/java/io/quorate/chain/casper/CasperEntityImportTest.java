package io.quorate.chain.casper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quorate.chains.imports.ImportException;
import io.quorate.chains.imports.ImportProblem;
import io.quorate.chains.imports.Importer;
import io.quorate.policy.PolicyLoader;
import io.quorate.policy.PolicySet;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Casper 2.0 nodes answer {@code state_get_entity} with an AddressableEntity rather than an Account. */
class CasperEntityImportTest {

    @Test
    void an_addressable_entity_imports_as_a_version_2_account() throws Exception {
        Importer.Result r = Importer.run("casper", List.of(new Importer.Input("entity.json", resource("casper/state_get_entity.json"))));
        PolicySet policy = PolicyLoader.load("imported.yaml", r.yaml());
        CasperAccount account = (CasperAccount) policy.account("casper_ed7f9daf");
        assertEquals(2, account.version());
        assertEquals(1, account.deployment());
        assertEquals(2, account.upgradeManagement());
        assertEquals(3, account.keyManagement());
        assertEquals(List.of(2, 1), account.keys().stream().map(k -> k.weight()).toList());
    }

    @Test
    void a_contract_entity_is_no_account() throws IOException {
        ImportException e = assertThrows(ImportException.class, () -> Importer.run("casper",
                List.of(new Importer.Input("contract.json", resource("casper/state_get_entity_contract.json")))));
        assertEquals(List.of("contract.json: $.result.entity.AddressableEntity.entity.entity_kind: the entity is a `SmartContract`, "
                + "not an account\n  help: import the entity of an account (`entity_kind: {Account: …}`)"),
                e.problems().stream().map(ImportProblem::render).toList());
    }

    static String resource(String path) throws IOException {
        try (InputStream in = CasperEntityImportTest.class.getResourceAsStream("/import/" + path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
