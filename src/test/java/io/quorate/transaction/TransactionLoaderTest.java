package io.quorate.transaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.diag.Diagnostic;
import io.quorate.diag.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransactionLoaderTest {

    /** The format's candidate transaction, with its placeholder key written out. */
    static final String EXAMPLE = """
            account: mymultisig11
            action: eosio.token::transfer   # EOS contract::action; Hive operation (transfer, vote, comment,
                                            # account_update, …) or a role (owner | active | posting);
                                            # Casper deploy | key_management |
                                            # upgrade_management; FT4 transfer | account | a custom flag
                                            # list {flags: [A]}; generic: an action name
            authorization: mymultisig11@active   # EOS: the declared permission (default: the minimum one)
            auth_descriptor: owners         # FT4: the descriptor used (name or on-chain id; default: any)
            signatures: [partner22222, PUB_K1_6MRyAjQq8ud7hVNYcfnVPJqcVpscN5So8BhtHuGYqET5BoDq63]  # the keys that signed: names or public keys
            approvals: [partner33333@active]      # EOS: permissions already satisfied (msig approvals)
            context: {time: 2026-11-23T10:00:00Z, block_height: 123, block_time: 1731502619990,
                      op_count: 1, delay_sec: 0}
            """;

    static List<Diagnostic> problems(String yaml) {
        return assertThrows(InputException.class, () -> TransactionLoader.load("t.yaml", yaml)).diagnostics();
    }

    static void assertAt(Diagnostic d, String code, int line, int column) {
        assertEquals(code + " at " + line + ":" + column, d.code() + " at " + d.at().line() + ":" + d.at().column(), d.render());
    }

    @Test
    void the_format_example_loads_field_by_field() throws InputException {
        Transaction t = TransactionLoader.load("t.yaml", EXAMPLE).get(0);
        assertEquals("t.yaml#1", t.id());
        ActionRequest a = t.actions().get(0);
        assertEquals("mymultisig11", a.account());
        assertEquals("eosio.token::transfer", a.action());
        assertEquals("mymultisig11@active", a.authorization());
        assertEquals(2, a.at().line());
        assertEquals("owners", t.authDescriptor());
        assertEquals(List.of("partner22222", "PUB_K1_6MRyAjQq8ud7hVNYcfnVPJqcVpscN5So8BhtHuGYqET5BoDq63"), t.signatures());
        assertEquals(List.of("partner33333@active"), t.approvals());
        assertEquals(new Context(Instant.parse("2026-11-23T10:00:00Z"), 123L, 1731502619990L, 1L, 0), t.context());
        assertNull(t.expected());
    }

    @Test
    void a_file_may_hold_a_list_or_a_transactions_mapping_with_default_ids() throws InputException {
        String one = "{account: vault, action: withdraw, signatures: [k1]}";
        List<Transaction> list = TransactionLoader.load("l.yaml", "- " + one + "\n- " + one + "\n");
        assertEquals(List.of("l.yaml#1", "l.yaml#2"), list.stream().map(Transaction::id).toList());
        List<Transaction> wrapped = TransactionLoader.load("w.yaml", "transactions:\n  - " + one + "\n  - {id: second, account: v, action: a}\n");
        assertEquals(List.of("w.yaml#1", "second"), wrapped.stream().map(Transaction::id).toList());
        assertEquals(List.of(), wrapped.get(1).signatures());
        assertEquals(Context.EMPTY, wrapped.get(1).context());
    }

    @Test
    void several_actions_share_one_signature_list() throws InputException {
        Transaction t = TransactionLoader.load("t.yaml", """
                actions:
                  - {account: alice, action: vote}
                  - {account: alice, action: transfer}
                  - {account: company, action: {flags: [A, T]}}
                signatures: [STM7JNWU2b2DBMp9WZRGHKqE7hQA9MKn2URLBCMfU95p29vzAQn8F]
                """).get(0);
        assertEquals(3, t.actions().size());
        assertEquals(List.of("A", "T"), t.actions().get(2).flags());
        assertNull(t.actions().get(2).action());
        assertEquals(4, t.actions().get(2).at().line());
    }

    @Test
    void an_expectation_is_a_decision_or_a_decision_with_reasons() throws InputException {
        List<Transaction> ts = TransactionLoader.load("t.yaml", """
                - {account: a, action: b, expect: allow}
                - {account: a, action: b, expect: {decision: deny, reasons: [unsatisfied-authority]}}
                """);
        assertEquals(new Expectation("allow", List.of()), ts.get(0).expected());
        assertEquals(new Expectation("deny", List.of("unsatisfied-authority")), ts.get(1).expected());
    }

    @Test
    void signatures_need_their_digest_and_a_native_transaction_brings_its_own() {
        List<Diagnostic> all = problems("""
                - account: a
                  action: b
                  signatures: [{signer: alice, signature: abc}, SIG_K1_KfQ57wLFEZRdnTkU3xRGCbXBFcvU]
                - digest: 00ff
                  signatures: [x]
                  hive_transaction: {}
                """);
        assertEquals(List.of("missing-field", "missing-field", "conflicting-fields", "conflicting-fields", "invalid-value"),
                all.stream().map(Diagnostic::code).toList());
        assertAt(all.get(0), "missing-field", 3, 16);
        assertAt(all.get(1), "missing-field", 3, 49);
        assertTrue(all.get(1).message().contains("it needs the `digest` it signs"), all.get(1).message());
        assertAt(all.get(2), "conflicting-fields", 4, 3);
        assertAt(all.get(3), "conflicting-fields", 5, 3);
    }

    @Test
    void every_mistake_of_a_transaction_file_is_reported_at_once() {
        List<Diagnostic> all = problems("""
                - account: a
                  actoin: b
                - account: a
                  action: b
                  actions: [{account: a, action: b}]
                - {account: a, action: b, context: {time: soon, delay_sec: -1}, expect: maybe}
                - {account: a, action: b, approvals: [partner], signatures: yes}
                """);
        assertEquals(List.of("missing-field", "unknown-field", "conflicting-fields", "conflicting-fields",
                "invalid-value", "out-of-range", "invalid-value", "invalid-value", "wrong-type"),
                all.stream().map(Diagnostic::code).toList(), all.toString());
        assertAt(all.get(1), "unknown-field", 2, 3);
        assertEquals("did you mean `action`?", all.get(1).help());
        assertAt(all.get(4), "invalid-value", 6, 43);
    }

    @Test
    void two_transactions_with_one_id_are_reported() {
        List<Diagnostic> all = problems("- {id: x, account: a, action: b}\n- {id: x, account: a, action: b}\n");
        assertAt(all.get(0), "duplicate-id", 2, 3);
    }

    @Test
    void json_transactions_load_and_a_missing_file_is_a_diagnostic(@TempDir Path dir) throws Exception {
        Path p = Files.writeString(dir.resolve("t.json"), "[{\"account\": \"a\",\n\t\"action\": \"b\", \"signatures\": [\"k1\"]}]");
        Transaction t = TransactionLoader.load(p).get(0);
        assertEquals(p + "#1", t.id());
        assertEquals(List.of("k1"), t.signatures());
        Diagnostic d = assertThrows(InputException.class, () -> TransactionLoader.load(dir.resolve("none.yaml"))).diagnostics().get(0);
        assertEquals("missing-file", d.code());
    }

    @Test
    void a_syntax_error_is_reported_with_its_location() {
        assertAt(problems("account: a\naction: [b\n").get(0), "yaml-syntax", 2, 9);
    }
}
