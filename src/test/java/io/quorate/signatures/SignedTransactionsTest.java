package io.quorate.signatures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.engine.Decision;
import io.quorate.engine.PreparedPolicy;
import io.quorate.engine.Quorate;
import io.quorate.policy.PolicyLoader;
import io.quorate.policy.PolicySet;
import io.quorate.reference.ReferenceEvaluator;
import io.quorate.transaction.Transaction;
import io.quorate.transaction.TransactionLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Transactions carrying real signatures for each chain (src/test/resources/signed) decide as
 * their files expect, and the compiled engine and the reference evaluator agree on every one.
 */
class SignedTransactionsTest {

    private static final Path DIR = Path.of("src/test/resources/signed");

    @ParameterizedTest
    @ValueSource(strings = {"eos.yaml", "hive.yaml", "casper.yaml", "ft4.yaml"})
    void signed_transactions_decide_as_expected_in_both_evaluators(String file) throws Exception {
        Verifier.setCaching(false);
        PolicySet policy = PolicyLoader.load(List.of(DIR.resolve("policy.yaml")));
        PreparedPolicy engine = Quorate.prepare(policy);
        ReferenceEvaluator reference = new ReferenceEvaluator(policy);
        List<Transaction> transactions = TransactionLoader.load(DIR.resolve(file));
        assertTrue(transactions.size() >= 3);
        for (Transaction tx : transactions) {
            Decision decided = engine.authorize(tx);
            Decision oracle = reference.authorize(tx);
            assertEquals(tx.expected().decision(), decided.decision().name().toLowerCase(), tx.id() + ": " + decided.reasons());
            for (String reason : tx.expected().reasons()) {
                assertTrue(decided.hasReason(reason), tx.id() + ": expected " + reason + ", got " + decided.reasons());
            }
            assertEquals(oracle.decision(), decided.decision(), tx.id());
            assertEquals(oracle.reasons().get(0).code(), decided.reasons().get(0).code(), tx.id());
            assertEquals(oracle.usedKeys(), decided.usedKeys(), tx.id());
        }
    }
}
