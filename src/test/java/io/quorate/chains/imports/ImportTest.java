package io.quorate.chains.imports;

import static io.quorate.chains.imports.Imports.problems;
import static io.quorate.chains.imports.Imports.resource;
import static io.quorate.chains.imports.Imports.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What every import shares: JSON problems with their paths, files that are not JSON, accounts imported twice. */
class ImportTest {

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
}
