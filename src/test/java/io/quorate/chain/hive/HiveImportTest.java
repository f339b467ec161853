package io.quorate.chain.hive;

import static io.quorate.chains.imports.Imports.allows;
import static io.quorate.chains.imports.Imports.load;
import static io.quorate.chains.imports.Imports.problems;
import static io.quorate.chains.imports.Imports.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.chains.imports.Importer;
import io.quorate.engine.PreparedPolicy;
import io.quorate.engine.Quorate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hive account answers import into policies that load and decide like the chain. */
class HiveImportTest {

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
}
