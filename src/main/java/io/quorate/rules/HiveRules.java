package io.quorate.rules;

import io.quorate.compile.CompiledPolicy;
import io.quorate.compile.Program;
import java.util.List;

/** A Hive role's rule: its threshold and entries, keys before accounts, for sign_state. */
final class HiveRules implements ChainRules<HiveAuthorityCheck> {

    @Override
    public Class<HiveAuthorityCheck> fact() {
        return HiveAuthorityCheck.class;
    }

    @Override
    public List<Condition<HiveAuthorityCheck>> conditions(CompiledPolicy policy, Program p) {
        long threshold = p.threshold();
        var entries = p.entries();
        return List.of(new Condition<>(Conditions.call("authority", threshold, entries), c -> c.authority(threshold, entries)));
    }
}
