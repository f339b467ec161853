package io.quorate.engine;

import io.quorate.policy.Ft4Rule;
import io.quorate.transaction.Context;

/**
 * FT4 auth descriptor rules against the chain's state. A comparison is active once it can no
 * longer become true later ({@code lt}, {@code le} and {@code op_count} always; {@code gt} once the
 * current value passed the bound; {@code ge}/{@code eq} once it reached it); an active comparison
 * that does not hold has expired.
 */
final class Ft4Rules {

    enum Status { VALID, NOT_YET_VALID, EXPIRED, MISSING_CONTEXT }

    private Ft4Rules() {
    }

    static Status status(Ft4Rule rules, Context context) {
        if (rules == null) return Status.VALID;
        boolean allHold = true;
        for (Ft4Rule.Comparison c : rules.comparisons()) {
            Long current = current(c.variable(), context);
            if (current == null) return Status.MISSING_CONTEXT;
            boolean holds = holds(c.op(), current, c.value());
            if (!holds && active(c, current)) return Status.EXPIRED;
            allHold &= holds;
        }
        return allHold ? Status.VALID : Status.NOT_YET_VALID;
    }

    static Long current(String variable, Context context) {
        return switch (variable) {
            case "block_height" -> context.blockHeight();
            case "block_time" -> context.blockTime();
            case "op_count" -> context.opCount() == null ? 1L : context.opCount();
            default -> null;
        };
    }

    private static boolean holds(String op, long current, long value) {
        return switch (op) {
            case "lt" -> current < value;
            case "le" -> current <= value;
            case "eq" -> current == value;
            case "ge" -> current >= value;
            case "gt" -> current > value;
            default -> false;
        };
    }

    private static boolean active(Ft4Rule.Comparison c, long current) {
        if (c.variable().equals("op_count")) return true;
        return switch (c.op()) {
            case "lt", "le" -> true;
            case "gt" -> current > c.value();
            case "ge", "eq" -> current >= c.value();
            default -> true;
        };
    }
}
