package io.quorate.policy;

import java.util.List;
import java.util.ServiceLoader;

/** The registered {@link ChainSyntax} services, loaded once, in registration order. */
final class ChainSyntaxes {

    private static final List<ChainSyntax> ALL = ServiceLoader.load(ChainSyntax.class, ChainSyntax.class.getClassLoader())
            .stream().map(ServiceLoader.Provider::get).toList();
    private static final List<Chain> CHAINS = ALL.stream().map(ChainSyntax::chain).toList();

    private ChainSyntaxes() {
    }

    static List<ChainSyntax> all() {
        return ALL;
    }

    static List<Chain> chains() {
        return CHAINS;
    }

    static ChainSyntax of(Chain chain) {
        for (ChainSyntax s : ALL) {
            if (s.chain().equals(chain)) return s;
        }
        throw new IllegalStateException("chain `" + chain.id() + "` is not registered");
    }
}
