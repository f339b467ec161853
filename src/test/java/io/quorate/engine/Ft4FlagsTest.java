package io.quorate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.policy.PolicyLoader;
import io.quorate.policy.PolicySet;
import io.quorate.reference.ReferenceEvaluator;
import io.quorate.transaction.Transaction;
import io.quorate.transaction.TransactionLoader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** FT4 flags are names: any number of distinct flags stays distinct (no bit packing that wraps at 64). */
class Ft4FlagsTest {

    private static final List<String> SIGNERS = List.of(
            "03F5A2656BC6DB03A8F85C2FD3FD32D72515D1435BB0869A28FFB49185E23E25D6",
            "02AB13E8808E8AC7A8CAD65660A189FF3744063D6B48C4BC5236F44F98A333CD41",
            "03B7EF6C5948022298051E57521CE56075A16A883516240021BD337C8A6E7DDD13",
            "035C9040EB3FF858BDA4FB0FF8737A02EFDA2CD74AD07BB5A2F18217795BBF67AC");

    private static PolicySet policy(List<Set<String>> descriptorFlags) throws Exception {
        StringBuilder y = new StringBuilder("quorate: 1\naccounts:\n  wide:\n    chain: ft4\n    auth_descriptors:\n");
        for (int i = 0; i < descriptorFlags.size(); i++) {
            y.append("      d").append(i).append(":\n");
            if (i == 0) y.append("        main: true\n");
            y.append("        signers: [").append(SIGNERS.get(i % SIGNERS.size())).append("]\n");
            y.append("        flags: [").append(String.join(", ", descriptorFlags.get(i))).append("]\n");
        }
        return PolicyLoader.load("wide.yaml", y.toString());
    }

    private static Transaction tx(String descriptor, List<String> flags, int signer) throws Exception {
        return TransactionLoader.load("tx.yaml", "account: wide\n"
                + (descriptor == null ? "" : "auth_descriptor: " + descriptor + "\n")
                + "action: {flags: [" + String.join(", ", flags) + "]}\n"
                + "signatures: [" + SIGNERS.get(signer) + "]\n").get(0);
    }

    private static List<String> flags(String prefix, int from, int to) {
        List<String> names = new ArrayList<>();
        for (int i = from; i < to; i++) names.add(prefix + i);
        return names;
    }

    @Test
    void the_sixty_fifth_flag_does_not_alias_the_first() throws Exception {
        Set<String> first64 = new LinkedHashSet<>(List.of("A"));
        first64.addAll(flags("F", 1, 64));
        PolicySet policy = policy(List.of(first64, Set.of("F64")));
        for (Decision d : List.of(Quorate.prepare(policy).authorize(tx("d1", List.of("A"), 1)),
                new ReferenceEvaluator(policy).authorize(tx("d1", List.of("A"), 1)))) {
            assertFalse(d.allowed(), d.toString());
            assertTrue(d.hasReason(ReasonCode.MISSING_FLAGS), d.toString());
        }
        assertTrue(Quorate.prepare(policy).authorize(tx("d1", List.of("F64"), 1)).allowed());
    }

    /** Random descriptors over 150 flag names; the engine must agree with plain set containment. */
    @Test
    void many_flags_decide_as_set_containment() throws Exception {
        Random random = new Random(64_65);
        List<String> names = flags("F", 0, 150);
        for (int round = 0; round < 40; round++) {
            List<Set<String>> descriptors = new ArrayList<>();
            for (int d = 0; d < 4; d++) {
                Set<String> own = new LinkedHashSet<>();
                int count = 1 + random.nextInt(90);
                while (own.size() < count) own.add(names.get(random.nextInt(names.size())));
                descriptors.add(own);
            }
            PolicySet policy = policy(descriptors);
            PreparedPolicy engine = Quorate.prepare(policy);
            ReferenceEvaluator reference = new ReferenceEvaluator(policy);
            for (int q = 0; q < 25; q++) {
                int d = random.nextInt(descriptors.size());
                List<String> needed = new ArrayList<>();
                List<String> pool = new ArrayList<>(random.nextBoolean() ? descriptors.get(d) : names);
                for (int k = 1 + random.nextInt(3); k > 0; k--) needed.add(pool.get(random.nextInt(pool.size())));
                Transaction t = tx("d" + d, needed, d % SIGNERS.size());
                boolean expected = descriptors.get(d).containsAll(needed);
                Decision decision = engine.authorize(t);
                assertEquals(expected, decision.allowed(), () -> "flags " + needed + " on " + descriptors.get(d) + ": " + decision);
                assertEquals(expected, reference.authorize(t).allowed());
            }
        }
    }
}
