package io.quorate.chain.ft4;

import io.quorate.diag.SourceLocation;
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
    }

    record And(List<Comparison> comparisons, SourceLocation at) implements Ft4Rule {
        public And {
            comparisons = List.copyOf(comparisons);
        }
    }
}
