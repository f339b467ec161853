package io.quorate.policy.conditions;

import io.quorate.diag.SourceLocation;
import java.util.List;
import java.util.Set;

/**
 * What must hold for a rule to apply; every part given must hold, a part not given (null or empty)
 * holds always. {@code actions} are action names; {@code assets} asset symbols; {@code amount} the
 * bounds on the action's amount (each in the asset it names).
 */
public record When(
        List<String> actions,
        Set<String> assets,
        List<AmountBound> amount,
        Membership to,
        Membership from,
        MemoPattern memo,
        TimeWindow time,
        SpentLimit spent,
        SourceLocation at) {

    public When {
        actions = List.copyOf(actions);
        assets = Set.copyOf(assets);
        amount = List.copyOf(amount);
    }

    /** The asset the rule is about, from {@code asset}, its amount bounds or its spending limit; null when none. */
    public String asset() {
        if (assets.size() == 1) return assets.iterator().next();
        if (!amount.isEmpty()) return amount.get(0).limit().asset();
        if (spent != null) return spent.over().asset();
        return null;
    }

    /** True when the rule reads the action's amount (its asset, a bound, or a spending limit). */
    public boolean needsAmount() {
        return !assets.isEmpty() || !amount.isEmpty() || spent != null;
    }

    /** The names of the data fields this rule needs the action to carry, in a fixed order. */
    public List<String> neededData() {
        List<String> out = new java.util.ArrayList<>();
        if (needsAmount()) out.add("amount");
        if (to != null) out.add("to");
        if (from != null) out.add("from");
        if (memo != null) out.add("memo");
        return out;
    }
}
