package io.quorate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.transaction.Transaction;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** A policy replaced by a reload frees its sessions, yet callers still holding it keep deciding correctly. */
class RetiredPolicyTest {

    private static final Transaction ALLOWED = Transaction.of("vault", "withdraw", List.of("custodian_a", "custodian_b"));
    private static final Transaction DENIED = Transaction.of("vault", "withdraw", List.of("custodian_a"));

    @Test
    void a_retired_policy_still_decides_correctly_on_every_thread() throws Exception {
        PreparedPolicy policy = Quorate.load(List.of(Path.of("policies")));
        assertTrue(policy.authorize(ALLOWED).allowed());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                boolean expectAllow = i % 2 == 0;
                if (i == 100) policy.close();
                results.add(pool.submit(() -> policy.authorize(expectAllow ? ALLOWED : DENIED).allowed() == expectAllow));
            }
            for (Future<Boolean> r : results) assertTrue(r.get());
        } finally {
            pool.shutdownNow();
        }
        Decision after = policy.authorize(DENIED);
        assertEquals(Outcome.DENY, after.decision());
        assertEquals(List.of(List.of("custodian_b"), List.of("custodian_c")), after.missing());
    }
}
