package io.quorate.differential;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.engine.Decision;
import io.quorate.engine.Reason;
import io.quorate.engine.ReasonCode;
import io.quorate.policy.PolicySet;
import io.quorate.reference.ReferenceEvaluator;
import io.quorate.transaction.Transaction;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The differential property could pass vacuously if the generators only produced, say, unknown
 * accounts. With a fixed seed, the generated cases of each chain must include allows and denies
 * in fair numbers and every reason code the chain can give.
 */
class ReferenceIsExercisedTest {

    private static final int POLICIES = 40;

    private static final List<String> COMMON = List.of(ReasonCode.AUTHORIZED, ReasonCode.UNSATISFIED_AUTHORITY,
            ReasonCode.UNKNOWN_ACCOUNT, ReasonCode.UNKNOWN_KEY, ReasonCode.MALFORMED_TRANSACTION);

    private static final Map<String, List<String>> CODES = Map.of(
            "eos", List.of(ReasonCode.IRRELEVANT_SIGNATURE, ReasonCode.DUPLICATE_SIGNATURE,
                    ReasonCode.IRRELEVANT_AUTHORIZATION, ReasonCode.UNKNOWN_AUTHORITY),
            "hive", List.of(ReasonCode.IRRELEVANT_SIGNATURE, ReasonCode.DUPLICATE_SIGNATURE,
                    ReasonCode.COMBINED_POSTING_AUTHORITY, ReasonCode.UNKNOWN_ACTION),
            "casper", List.of(ReasonCode.UNKNOWN_SIGNER, ReasonCode.NO_SIGNATURES, ReasonCode.TOO_MANY_SIGNATURES,
                    ReasonCode.UNKNOWN_ACTION),
            "ft4", List.of(ReasonCode.MISSING_FLAGS, ReasonCode.DESCRIPTOR_EXPIRED, ReasonCode.DESCRIPTOR_NOT_YET_VALID,
                    ReasonCode.UNKNOWN_DESCRIPTOR, ReasonCode.UNKNOWN_ACTION),
            "generic", List.of(ReasonCode.AUTHORITY_NOT_VALID, ReasonCode.UNKNOWN_ACTION));

    @ParameterizedTest
    @ValueSource(strings = {"eos", "hive", "casper", "ft4", "generic"})
    void generated_cases_reach_allows_denies_and_every_reason_code(String chain) {
        Random random = new Random(20261123L + chain.hashCode());
        Map<String, Integer> seen = new TreeMap<>();
        int allows = 0;
        int total = 0;
        for (int p = 0; p < POLICIES; p++) {
            PolicyCase c = RandomPolicies.sample(chain, random);
            PolicySet policy = Differential.load(c);
            ReferenceEvaluator reference = new ReferenceEvaluator(policy);
            for (Transaction tx : Differential.transactions(c)) {
                Decision d = reference.authorize(tx);
                total++;
                if (d.allowed()) allows++;
                for (Reason r : d.reasons()) seen.merge(r.code(), 1, Integer::sum);
            }
        }
        Set<String> expected = new TreeSet<>(COMMON);
        expected.addAll(CODES.get(chain));
        Set<String> absent = new TreeSet<>(expected);
        absent.removeAll(seen.keySet());
        String stats = chain + ": " + allows + " allows of " + total + " transactions; reason codes " + seen;
        assertTrue(absent.isEmpty(), "never produced " + absent + "\n" + stats);
        assertTrue(allows >= total / 20, "too few allows\n" + stats);
        assertTrue(total - allows >= total / 5, "too few denies\n" + stats);
        assertTrue(!seen.containsKey(ReasonCode.INTERNAL_ERROR), "the reference failed internally\n" + stats);
    }
}
