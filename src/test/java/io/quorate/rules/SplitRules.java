package io.quorate.rules;

import io.quorate.compile.CompiledPolicy;

/** Builds rules split into shards of a chosen size, so small policies exercise several KieBases. */
public final class SplitRules {

    private SplitRules() {
    }

    public static RuleBase build(CompiledPolicy policy, int shardSize) {
        return RuleBase.build(policy, shardSize);
    }
}
