package io.quorate.chain.ft4;

import io.quorate.transaction.Context;

/**
 * FT4 auth descriptor rules against the chain's state (auth_descriptor_rule_validation.rell). A
 * descriptor is usable when every comparison holds. When one does not, the descriptor has expired
 * if every comparison is also active — can no longer change its answer: {@code op_count} always,
 * {@code lt}/{@code le} always, {@code gt} once the value is passed, {@code ge}/{@code eq} once it
 * is reached — and is not valid yet otherwise. A variable the context lacks holds for no
 * comparison and is not active.
 */
public final class Ft4Rules {

    public enum Status { VALID, NOT_YET_VALID, EXPIRED }

    private Ft4Rules() {
    }

    public static Status status(Ft4Rule.Comparison[] comparisons, Context context) {
        boolean violated = false;
        boolean allActive = true;
        for (Ft4Rule.Comparison c : comparisons) {
            Long current = c.current(context);
            if (current == null || !c.holds(current)) violated = true;
            if (current == null || !c.isActive(current)) allActive = false;
        }
        if (!violated) return Status.VALID;
        return allActive ? Status.EXPIRED : Status.NOT_YET_VALID;
    }

    /** FT4 rules in the chain's own syntax, for messages. */
    public static String text(Ft4Rule rule) {
        if (rule instanceof Ft4Rule.Comparison c) return "[" + c.op() + ", " + c.variable() + ", " + c.value() + "]";
        return rule.comparisons().stream().map(Ft4Rules::text).collect(java.util.stream.Collectors.joining(", ", "[and, ", "]"));
    }
}
