package io.quorate.analysis;

import io.quorate.keys.KeyId;
import io.quorate.policy.KeyRef;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The {@link Figures} of a formula over its keys: fewest signers, worst-case key loss, fewest holders. */
final class Resilience {

    private Resilience() {
    }

    /** {@code holderOf} names the holder of a key (a key without one is its own holder). */
    static Figures of(Formula formula, List<KeyRef> keys, Function<KeyId, String> holderOf) {
        Tree tree = Tree.of(formula, i -> i);
        if (tree.kind == Tree.Kind.NEVER) return new Figures(-1, -1, -1, true);
        FewestKeys.Bounds signers = FewestKeys.of(tree);
        FewestKeys.Bounds kill = FewestKeys.of(tree.dual());
        Map<String, Integer> holderIndex = new HashMap<>();
        int[] holderOfKey = new int[keys.size()];
        for (int i = 0; i < keys.size(); i++) {
            holderOfKey[i] = holderIndex.computeIfAbsent(holderOf.apply(keys.get(i).id()), h -> holderIndex.size());
        }
        FewestKeys.Bounds holders = FewestKeys.of(Tree.of(formula, i -> holderOfKey[i]));
        int lossLimit = kill.low() >= FewestKeys.INF ? keys.size() : (int) kill.low() - 1;
        return new Figures((int) signers.low(), lossLimit, (int) holders.low(),
                signers.exact() && kill.exact() && holders.exact());
    }
}
