package io.quorate.policy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Function;

/**
 * Finds one layer's per-chain parts: the services registered for {@code type} in
 * {@code META-INF/services}, by the chain each serves, in registration order.
 */
public final class ChainServices {

    private ChainServices() {
    }

    public static <T> Map<Chain, T> load(Class<T> type, Function<T, Chain> chainOf) {
        Map<Chain, T> out = new LinkedHashMap<>();
        for (T part : ServiceLoader.load(type, type.getClassLoader())) {
            T previous = out.putIfAbsent(chainOf.apply(part), part);
            if (previous != null) {
                throw new IllegalStateException("chain `" + chainOf.apply(part).id() + "` registers two " + type.getSimpleName()
                        + ": " + previous.getClass().getName() + " and " + part.getClass().getName());
            }
        }
        return Collections.unmodifiableMap(out);
    }
}
