package io.quorate.chain.hive;

import io.quorate.compile.CompiledPolicy;
import io.quorate.compile.Program;
import io.quorate.rules.ChainRules;
import io.quorate.rules.Condition;
import io.quorate.rules.Conditions;
import io.quorate.policy.Chain;
import java.util.List;

/** A Hive role's rule: its threshold and entries, keys before accounts, for sign_state. */
public final class HiveRules implements ChainRules<HiveAuthorityCheck> {

    @Override
    public Chain chain() {
        return Chain.HIVE;
    }

    @Override
    public Class<HiveAuthorityCheck> fact() {
        return HiveAuthorityCheck.class;
    }

    @Override
    public List<Condition<HiveAuthorityCheck>> conditions(CompiledPolicy policy, Program p) {
        long threshold = p.threshold();
        var entries = p.entries();
        return List.of(new Condition<>(() -> Conditions.call("authority", threshold, entries), c -> c.authority(threshold, entries)));
    }
}
