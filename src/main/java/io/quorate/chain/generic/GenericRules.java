package io.quorate.chain.generic;

import io.quorate.compile.CompiledPolicy;
import io.quorate.compile.Drl;
import io.quorate.compile.Program;
import io.quorate.policy.Account;
import io.quorate.rules.ChainRules;
import io.quorate.rules.Condition;
import io.quorate.rules.Conditions;
import io.quorate.policy.Chain;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A generic authority's rule: its validity window, then its threshold and entries. */
public final class GenericRules implements ChainRules<GenericAuthorityCheck> {

    @Override
    public Chain chain() {
        return Chain.GENERIC;
    }

    @Override
    public List<String> drlFunctions() {
        return List.of(GenericAuthorityCheck.class.getName() + ".instant");
    }

    @Override
    public Class<GenericAuthorityCheck> fact() {
        return GenericAuthorityCheck.class;
    }

    @Override
    public List<Condition<GenericAuthorityCheck>> conditions(CompiledPolicy policy, Program p) {
        List<Condition<GenericAuthorityCheck>> conditions = new ArrayList<>();
        if (p.valid() != null) {
            Instant from = p.valid().from();
            Instant until = p.valid().until();
            conditions.add(new Condition<>(() -> "validAt(" + instant(from) + ", " + instant(until) + ")", c -> c.validAt(from, until)));
        }
        long threshold = p.threshold();
        var entries = p.entries();
        conditions.add(new Condition<>(() -> Conditions.call("tally", threshold, entries), c -> c.tally(threshold, entries)));
        return conditions;
    }

    /** The actions and the authority each needs; a parent may act for its child when the child's rule does not fire. */
    @Override
    public List<String> notes(Account account) {
        GenericAccount generic = (GenericAccount) account;
        List<String> notes = new ArrayList<>();
        generic.actions().forEach((action, authority) -> notes.add("action " + action + " -> " + authority));
        generic.authorities().values().stream().filter(a -> a.parent() != null)
                .forEach(a -> notes.add("parent of " + a.name() + ": " + a.parent()));
        return notes;
    }

    private static String instant(Instant at) {
        return at == null ? "null" : "instant(" + Drl.string(at.toString()) + ")";
    }
}
