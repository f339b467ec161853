package io.quorate.chain.ft4;

import io.quorate.diag.SourceLocation;
import io.quorate.transaction.Context;
import java.util.List;

/** FT4 auth descriptor rules: a single comparison or {@code ["and", …]} of comparisons. */
public sealed interface Ft4Rule {

    /** The comparisons, in the order written. */
    List<Comparison> comparisons();

    /**
     * Why the rules can never hold on or after {@code from}, or null. Every comparison must hold at
     * once, so each variable's comparisons bound it to an interval: {@code op_count} is at least 1
     * (this use), {@code block_height} at least 0, {@code block_time} at least the start of
     * {@code from}; an empty interval, or a comparison no value satisfies, never holds.
     */
    default String whyNeverHolds(java.time.LocalDate from) {
        long fromMs = from.atStartOfDay(java.time.ZoneOffset.UTC).toInstant().toEpochMilli();
        java.util.Map<String, long[]> bounds = new java.util.HashMap<>();
        bounds.put("op_count", new long[] {1, Long.MAX_VALUE});
        bounds.put("block_time", new long[] {fromMs, Long.MAX_VALUE});
        bounds.put("block_height", new long[] {0, Long.MAX_VALUE});
        List<String> written = new java.util.ArrayList<>();
        for (Comparison c : comparisons()) {
            String text = "`[" + c.op() + ", " + c.variable() + ", " + c.value() + "]`";
            if (c.holdsNowhere()) return text + ": no `" + c.variable() + "` satisfies it";
            long[] b = bounds.get(c.variable());
            b[0] = Math.max(b[0], c.holdsFrom());
            b[1] = Math.min(b[1], c.holdsUntil());
            written.add(text);
        }
        for (String variable : List.of("op_count", "block_time", "block_height")) {
            long[] b = bounds.get(variable);
            if (b[0] <= b[1]) continue;
            String why = switch (variable) {
                case "op_count" -> "`op_count` counts this use, so it is at least 1";
                case "block_time" -> "`block_time` is already past " + from;
                default -> "no `block_height` satisfies them all";
            };
            return String.join(" and ", written) + ": " + why;
        }
        return null;
    }

    /** {@code [op, variable, value]}: op is lt, le, eq, ge or gt; variable block_height, block_time or op_count. */
    record Comparison(String op, String variable, long value, SourceLocation at) implements Ft4Rule {
        @Override
        public List<Comparison> comparisons() {
            return List.of(this);
        }

        /** The variable's value at {@code context}, or null when the context does not give it. */
        public Long current(Context context) {
            return switch (variable) {
                case "block_height" -> context.blockHeight();
                case "block_time" -> context.blockTime();
                case "op_count" -> context.opCount();
                default -> null;
            };
        }

        /** Whether the comparison holds at {@code context}; a variable the context lacks makes it fail, as on the chain. */
        public boolean holdsAt(Context context) {
            Long current = current(context);
            return current != null && holds(current);
        }

        /** Whether the comparison holds when its variable is {@code current}. */
        public boolean holds(long current) {
            return switch (op) {
                case "lt" -> current < value;
                case "le" -> current <= value;
                case "eq" -> current == value;
                case "ge" -> current >= value;
                case "gt" -> current > value;
                default -> false;
            };
        }

        /**
         * {@code is_rule_active} at {@code context}: whether the comparison can no longer change its
         * answer. A variable the context lacks makes it inactive.
         */
        public boolean isActiveAt(Context context) {
            Long current = current(context);
            return current != null && isActive(current);
        }

        /**
         * {@code is_rule_active} when its variable is {@code current}: an {@code op_count} comparison
         * is active always, as are {@code lt} and {@code le}; {@code gt} once the value is passed,
         * {@code ge} and {@code eq} once it is reached. For {@code block_height} and {@code block_time},
         * which only grow, that is once the variable reaches {@link #holdsFrom()}: a comparison
         * violated while active stays violated.
         */
        public boolean isActive(long current) {
            if (variable.equals("op_count")) return true;
            return switch (op) {
                case "gt" -> current > value;
                case "ge", "eq" -> current >= value;
                default -> true;
            };
        }

        /**
         * The least value of the variable at which the comparison holds: {@code value + 1} for
         * {@code gt}, {@code value} for {@code ge} and {@code eq}, {@link Long#MIN_VALUE} otherwise.
         * It saturates at {@link Long#MAX_VALUE}; {@link #holdsNowhere()} tells the comparison no
         * long satisfies.
         */
        public long holdsFrom() {
            return switch (op) {
                case "gt" -> value == Long.MAX_VALUE ? value : value + 1;
                case "ge", "eq" -> value;
                default -> Long.MIN_VALUE;
            };
        }

        /**
         * The greatest value of the variable at which the comparison holds: {@code value - 1} for
         * {@code lt}, {@code value} for {@code le} and {@code eq}, {@link Long#MAX_VALUE} otherwise.
         * It saturates at {@link Long#MIN_VALUE}.
         */
        public long holdsUntil() {
            return switch (op) {
                case "lt" -> value == Long.MIN_VALUE ? value : value - 1;
                case "le", "eq" -> value;
                default -> Long.MAX_VALUE;
            };
        }

        /** True when no value of the variable satisfies the comparison on its own ({@code gt} the greatest long, {@code lt} the least). */
        public boolean holdsNowhere() {
            return op.equals("gt") && value == Long.MAX_VALUE || op.equals("lt") && value == Long.MIN_VALUE;
        }
    }

    record And(List<Comparison> comparisons, SourceLocation at) implements Ft4Rule {
        public And {
            comparisons = List.copyOf(comparisons);
        }
    }
}
