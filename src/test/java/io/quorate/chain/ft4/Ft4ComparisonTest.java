package io.quorate.chain.ft4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.transaction.Context;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** One FT4 comparison: where it holds, when it is active, and how its bounds agree with both. */
class Ft4ComparisonTest {

    private static final List<String> OPS = List.of("lt", "le", "eq", "ge", "gt");
    private static final List<String> VARIABLES = List.of("block_height", "block_time", "op_count");
    private static final long[] EDGES = {Long.MIN_VALUE, Long.MIN_VALUE + 1, -1, 0, 1, 2, Long.MAX_VALUE - 1, Long.MAX_VALUE};

    @Test
    void holdsExactlyBetweenItsBounds() {
        Random random = new Random(41);
        for (int i = 0; i < 20_000; i++) {
            Ft4Rule.Comparison c = new Ft4Rule.Comparison(OPS.get(random.nextInt(OPS.size())),
                    VARIABLES.get(random.nextInt(VARIABLES.size())), pick(random), null);
            long x = near(random, c.value());
            boolean between = !c.holdsNowhere() && c.holdsFrom() <= x && x <= c.holdsUntil();
            assertEquals(c.holds(x), between, c + " at " + x);
        }
    }

    @Test
    void aBlockComparisonIsActiveOnceItsVariableReachesWhereItCouldHold() {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            Ft4Rule.Comparison c = new Ft4Rule.Comparison(OPS.get(random.nextInt(OPS.size())),
                    random.nextBoolean() ? "block_height" : "block_time", pick(random), null);
            long x = near(random, c.value());
            boolean reached = !c.holdsNowhere() && x >= c.holdsFrom();
            assertEquals(c.isActive(x), reached || c.op().equals("lt") || c.op().equals("le"), c + " at " + x);
        }
    }

    @Test
    void theChainsRule() {
        assertTrue(new Ft4Rule.Comparison("gt", "op_count", 5, null).isActive(1), "op_count comparisons are always active");
        assertTrue(new Ft4Rule.Comparison("lt", "block_height", 5, null).isActive(0));
        assertFalse(new Ft4Rule.Comparison("gt", "block_height", 5, null).isActive(5));
        assertTrue(new Ft4Rule.Comparison("gt", "block_height", 5, null).isActive(6));
        assertFalse(new Ft4Rule.Comparison("ge", "block_time", 5, null).isActive(4));
        assertTrue(new Ft4Rule.Comparison("eq", "block_time", 5, null).isActive(5));
        assertTrue(new Ft4Rule.Comparison("eq", "block_time", 5, null).isActive(6));
    }

    @Test
    void aVariableTheContextLacksNeitherHoldsNorIsActive() {
        Context none = new Context(null, null, null, null, 0);
        Context all = new Context(null, 10L, 10L, 1L, 0);
        for (String variable : VARIABLES) {
            Ft4Rule.Comparison c = new Ft4Rule.Comparison("le", variable, 10, null);
            assertFalse(c.holdsAt(none));
            assertFalse(c.isActiveAt(none));
            assertTrue(c.holdsAt(all));
            assertTrue(c.isActiveAt(all));
        }
    }

    private static long pick(Random random) {
        return random.nextInt(4) == 0 ? EDGES[random.nextInt(EDGES.length)] : random.nextInt(21) - 10;
    }

    /** A value at or next to {@code v}, or anywhere, without overflowing. */
    private static long near(Random random, long v) {
        return switch (random.nextInt(4)) {
            case 0 -> v == Long.MIN_VALUE ? v : v - 1;
            case 1 -> v;
            case 2 -> v == Long.MAX_VALUE ? v : v + 1;
            default -> EDGES[random.nextInt(EDGES.length)];
        };
    }
}
