package io.quorate.assets;

import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The assets every chain has natively, by chain id; loaded once from the registered {@link ChainAssets}. */
public final class Assets {

    private static final Map<String, Map<String, Integer>> BUILT_IN = load();
    private static final java.util.Set<String> EVERY_DECIMAL = every();

    private Assets() {
    }

    private static Map<String, Map<String, Integer>> load() {
        Map<String, Map<String, Integer>> out = new HashMap<>();
        for (ChainAssets c : ServiceLoader.load(ChainAssets.class, Assets.class.getClassLoader())) {
            out.put(c.chain(), Map.copyOf(c.assets()));
        }
        return Map.copyOf(out);
    }

    private static java.util.Set<String> every() {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (ChainAssets c : ServiceLoader.load(ChainAssets.class, Assets.class.getClassLoader())) {
            if (c.writesEveryDecimal()) out.add(c.chain());
        }
        return java.util.Set.copyOf(out);
    }

    /** Whether amounts of {@code chainId} must carry exactly their asset's decimals (else at most). */
    public static boolean writesEveryDecimal(String chainId) {
        return EVERY_DECIMAL.contains(chainId);
    }

    /** The native assets of the chain {@code chainId} (symbol to decimals, sorted), empty when it has none. */
    public static Map<String, Integer> of(String chainId) {
        return new TreeMap<>(BUILT_IN.getOrDefault(chainId, Map.of()));
    }

    /** The decimals of {@code symbol} on {@code chainId}, or null when the chain does not have it natively. */
    public static Integer precision(String chainId, String symbol) {
        return BUILT_IN.getOrDefault(chainId, Map.of()).get(symbol);
    }
}
