package io.quorate.plan;

import io.quorate.policy.Chain;
import io.quorate.policy.ChainServices;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Every registered chain's change operations, by chain and by operation name. */
final class ChainStepsRegistry {

    private static final Map<Chain, ChainSteps> BY_CHAIN = ChainServices.load(ChainSteps.class, ChainSteps::chain);

    private static final Map<String, ChainSteps> BY_OP = new TreeMap<>();

    static {
        for (ChainSteps c : BY_CHAIN.values()) {
            for (String op : c.ops()) {
                ChainSteps previous = BY_OP.putIfAbsent(op, c);
                if (previous != null) {
                    throw new IllegalStateException("operation `" + op + "` is registered by chains `" + previous.chain().id()
                            + "` and `" + c.chain().id() + "`");
                }
            }
        }
    }

    private ChainStepsRegistry() {
    }

    static java.util.Collection<ChainSteps> all() {
        return BY_CHAIN.values();
    }

    static ChainSteps forOp(String op) {
        return BY_OP.get(op);
    }

    static ChainSteps of(Chain chain) {
        ChainSteps steps = BY_CHAIN.get(chain);
        if (steps == null) throw new IllegalStateException("chain `" + chain.id() + "` registers no ChainSteps");
        return steps;
    }

    static List<String> fields(String op) {
        return BY_OP.get(op).fields().get(op);
    }

    static Set<String> ops() {
        return BY_OP.keySet();
    }
}
