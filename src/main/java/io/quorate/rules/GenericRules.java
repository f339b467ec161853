package io.quorate.rules;

import io.quorate.compile.CompiledPolicy;
import io.quorate.compile.Drl;
import io.quorate.compile.Program;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A generic authority's rule: its validity window, then its threshold and entries. */
final class GenericRules implements ChainRules<GenericAuthorityCheck> {

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
            conditions.add(new Condition<>("validAt(" + instant(from) + ", " + instant(until) + ")", c -> c.validAt(from, until)));
        }
        long threshold = p.threshold();
        var entries = p.entries();
        conditions.add(new Condition<>(Conditions.call("tally", threshold, entries), c -> c.tally(threshold, entries)));
        return conditions;
    }

    private static String instant(Instant at) {
        return at == null ? "null" : "instant(" + Drl.string(at.toString()) + ")";
    }
}
