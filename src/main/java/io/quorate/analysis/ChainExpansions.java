package io.quorate.analysis;

import io.quorate.policy.Chain;
import io.quorate.policy.ChainServices;
import java.util.Map;

/** The registered {@link ChainExpansion} of each chain. */
public final class ChainExpansions {

    private static final Map<Chain, ChainExpansion> BY_CHAIN = ChainServices.load(ChainExpansion.class, ChainExpansion::chain);

    private ChainExpansions() {
    }

    public static Map<Chain, ChainExpansion> all() {
        return BY_CHAIN;
    }
}
