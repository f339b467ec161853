package io.quorate.chains.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A node that answers with an error is reported as saying so, not as an account with missing fields. */
class NodeErrorTest {

    static final String HELP = "\n  help: the answer holds no account: check the account name, the network and the node";

    @Test
    void an_antelope_error_answer_says_what_the_node_said() {
        assertEquals(List.of("eos/node_error.json: the node answered an error: `Internal Service Error`: `unknown key "
                + "(boost::tuples::tuple<bool, eosio::chain::name, boost::tuples::null_type>): (0 nobody111111)` (code 500)" + HELP),
                problems("eos", "eos/node_error.json"));
    }

    @Test
    void json_rpc_errors_of_hive_and_casper_nodes_say_what_the_node_said() {
        assertEquals(List.of("hive/jsonrpc_error.json: the node answered an error: `Invalid parameters` (code -32602)" + HELP),
                problems("hive", "hive/jsonrpc_error.json"));
        assertEquals(List.of("casper/jsonrpc_error.json: the node answered an error: `state query failed: ValueNotFound(\\\"Failed to find "
                .replace("\\\"", "\"") + "base key at path: Key::Account(0ea7998b2822afe5b62b08a21d54c941ad791279b089f3f7ede0d72b477eca34)\")` (code -32003)" + HELP),
                problems("casper", "casper/jsonrpc_error.json"));
    }

    @Test
    void a_bare_code_and_message_is_an_error_answer_too() {
        ImportException e = assertThrows(ImportException.class, () -> Importer.run("eos",
                List.of(new Importer.Input("a.json", "{\"code\": 404, \"message\": \"unknown account\"}"))));
        assertEquals(List.of("a.json: the node answered an error: `unknown account` (code 404)" + HELP),
                e.problems().stream().map(ImportProblem::render).toList());
    }

    @Test
    void an_account_or_a_json_rpc_result_is_no_error_answer() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertNull(NodeError.of(json.readTree("{\"account_name\": \"alice\", \"permissions\": []}")));
        assertNull(NodeError.of(json.readTree("{\"jsonrpc\": \"2.0\", \"id\": 1, \"result\": {\"account\": {}}, \"error\": null}")));
    }

    private static List<String> problems(String chain, String path) {
        ImportException e = assertThrows(ImportException.class, () -> Imports.run(chain, path));
        return e.problems().stream().map(ImportProblem::render).toList();
    }
}
