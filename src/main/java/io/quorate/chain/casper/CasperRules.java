package io.quorate.chain.casper;

import io.quorate.compile.CompiledPolicy;
import io.quorate.compile.Program;
import io.quorate.rules.ChainRules;
import io.quorate.rules.Condition;
import io.quorate.rules.Conditions;
import io.quorate.policy.Chain;
import java.util.List;

/** A Casper action threshold's rule: the saturating weight of the associated signers reaches it. */
public final class CasperRules implements ChainRules<CasperAuthorityCheck> {

    @Override
    public Chain chain() {
        return Chain.CASPER;
    }

    @Override
    public Class<CasperAuthorityCheck> fact() {
        return CasperAuthorityCheck.class;
    }

    @Override
    public List<Condition<CasperAuthorityCheck>> conditions(CompiledPolicy policy, Program p) {
        long threshold = p.threshold();
        var entries = p.entries();
        return List.of(new Condition<>(() -> Conditions.call("weight", threshold, entries), c -> c.weight(threshold, entries)));
    }
}
