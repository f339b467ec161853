package io.quorate.policy.conditions;

import io.quorate.assets.Amount;
import io.quorate.diag.SourceLocation;

/** One bound on an action's amount: {@code gt}, {@code ge}, {@code lt} or {@code le} a limit, compared exactly. */
public record AmountBound(Op op, Amount limit, SourceLocation at) {

    public enum Op {
        GT("gt", ">"), GE("ge", ">="), LT("lt", "<"), LE("le", "<=");

        private final String field;
        private final String symbol;

        Op(String field, String symbol) {
            this.field = field;
            this.symbol = symbol;
        }

        public String field() {
            return field;
        }

        /** As DRL and Java write the comparison. */
        public String symbol() {
            return symbol;
        }

        /** Whether {@code comparison} (a {@code compareTo} result of the amount against the limit) satisfies this bound. */
        public boolean holds(int comparison) {
            return switch (this) {
                case GT -> comparison > 0;
                case GE -> comparison >= 0;
                case LT -> comparison < 0;
                case LE -> comparison <= 0;
            };
        }
    }

    /** Whether {@code value} (in the limit's asset) satisfies the bound. */
    public boolean holds(java.math.BigDecimal value) {
        return op.holds(value.compareTo(limit.value()));
    }
}
