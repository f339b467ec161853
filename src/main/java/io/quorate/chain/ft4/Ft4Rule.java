package io.quorate.chain.ft4;

import io.quorate.diag.SourceLocation;
import io.quorate.transaction.Context;
import java.util.List;

/** FT4 auth descriptor rules: a single comparison or {@code ["and", …]} of comparisons. */
public sealed interface Ft4Rule {

    /** The comparisons, in the order written. */
    List<Comparison> comparisons();

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
            if (current == null) return false;
            return switch (op) {
                case "lt" -> current < value;
                case "le" -> current <= value;
                case "eq" -> current == value;
                case "ge" -> current >= value;
                case "gt" -> current > value;
                default -> false;
            };
        }
    }

    record And(List<Comparison> comparisons, SourceLocation at) implements Ft4Rule {
        public And {
            comparisons = List.copyOf(comparisons);
        }
    }
}
