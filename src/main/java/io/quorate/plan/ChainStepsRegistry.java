package io.quorate.plan;

import io.quorate.policy.Chain;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Every chain's change operations, by operation name; operation names are unique across chains. */
final class ChainStepsRegistry {

    static final List<ChainSteps> ALL = List.of(new EosSteps(), new HiveSteps(), new CasperSteps(), new Ft4Steps(), new GenericSteps());

    private static final Map<String, ChainSteps> BY_OP = new TreeMap<>();

    static {
        for (ChainSteps c : ALL) c.ops().forEach(op -> BY_OP.put(op, c));
    }

    private ChainStepsRegistry() {
    }

    static ChainSteps forOp(String op) {
        return BY_OP.get(op);
    }

    static ChainSteps of(Chain chain) {
        return ALL.stream().filter(c -> c.chain() == chain).findFirst().orElseThrow();
    }

    static List<String> fields(String op) {
        return BY_OP.get(op).fields().get(op);
    }

    static Set<String> ops() {
        return BY_OP.keySet();
    }
}
