package io.quorate.transaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.diag.Diagnostic;
import io.quorate.diag.InputException;
import io.quorate.yaml.InputLimits;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each test holds the input that once exhausted memory or asked for unbounded work. */
class TransactionBoundsTest {

    /** 750 bytes that expand to 10^8 nodes when the native transaction is serialized. */
    private static final String LAUGHS = """
              junk:
                a0: &a0 [x, x, x, x, x, x, x, x, x, x]
                a1: &a1 [*a0, *a0, *a0, *a0, *a0, *a0, *a0, *a0, *a0, *a0]
                a2: &a2 [*a1, *a1, *a1, *a1, *a1, *a1, *a1, *a1, *a1, *a1]
                a3: &a3 [*a2, *a2, *a2, *a2, *a2, *a2, *a2, *a2, *a2, *a2]
                a4: &a4 [*a3, *a3, *a3, *a3, *a3, *a3, *a3, *a3, *a3, *a3]
                a5: &a5 [*a4, *a4, *a4, *a4, *a4, *a4, *a4, *a4, *a4, *a4]
                a6: &a6 [*a5, *a5, *a5, *a5, *a5, *a5, *a5, *a5, *a5, *a5]
                a7: &a7 [*a6, *a6, *a6, *a6, *a6, *a6, *a6, *a6, *a6, *a6]
            """;

    private static Diagnostic first(String yaml) {
        return assertThrows(InputException.class, () -> TransactionLoader.load("t.yaml", yaml)).diagnostics().get(0);
    }

    @Test
    void a_billion_laughs_inside_hive_transaction_is_refused_with_its_place() {
        Diagnostic d = first("""
                account: alice
                hive_transaction:
                  ref_block_num: 1
                  ref_block_prefix: 2
                  expiration: '2026-11-23T10:30:00'
                  operations: [[transfer, {from: alice, to: bob, amount: '0.500 HBD', memo: ''}]]
                  signatures: []
                """ + LAUGHS);
        assertEquals(InputLimits.TOO_MANY_ALIASES, d.code(), d.render());
        assertEquals(14, d.at().line(), d.render());
    }

    @Test
    void a_billion_laughs_inside_casper_deploy_is_refused_with_its_place() {
        Diagnostic d = first("casper_deploy:\n  hash: ab\n" + LAUGHS);
        assertEquals(InputLimits.TOO_MANY_ALIASES, d.code(), d.render());
        assertEquals(9, d.at().line(), d.render());
    }

    @Test
    void more_than_a_thousand_signatures_are_refused_with_the_existing_code() {
        String names = "[" + "k, ".repeat(TransactionLoader.MAX_SIGNATURES) + "k]";
        Diagnostic d = first("account: a\naction: b\nsignatures: " + names + "\n");
        assertEquals("too-many-signatures", d.code());
        assertEquals(3, d.at().line());
        assertEquals(13, d.at().column());
        assertTrue(d.message().contains("1001 signatures, more than the 1000"), d.message());
    }

    @Test
    void a_thousand_signatures_are_read() throws InputException {
        String names = "[" + "k, ".repeat(TransactionLoader.MAX_SIGNATURES - 1) + "k]";
        Transaction t = TransactionLoader.load("t.yaml", "account: a\naction: b\nsignatures: " + names + "\n").get(0);
        assertEquals(TransactionLoader.MAX_SIGNATURES, t.signatures().size());
    }

    @Test
    void a_file_with_thousands_of_errors_shows_the_first_hundred_and_counts_the_rest() {
        String yaml = "- {account: a, action: b, signatures: [k], colour: red}\n".repeat(500);
        List<Diagnostic> d = assertThrows(InputException.class, () -> TransactionLoader.load("t.yaml", yaml)).diagnostics();
        assertEquals(InputException.MAX_SHOWN + 1, d.size());
        Diagnostic more = d.get(InputException.MAX_SHOWN);
        assertEquals(InputException.MORE_ERRORS, more.code());
        assertEquals("and 400 more problems from here on, not shown", more.message());
        assertEquals(101, more.at().line());
    }
}
