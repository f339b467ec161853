package io.quorate.lint;

import java.util.List;

/**
 * How hard an authority (or capability) is to use and to lose, over the keys it expands to:
 * {@code minSigners} is the fewest keys that satisfy it (how many insiders must collude; -1 when
 * nothing can), {@code maxKeyLoss} the most keys that can be lost with it still satisfiable
 * (-1 when it is not satisfiable now). {@code exact} is false when the search gave a bound.
 */
public record ResilienceFigure(
        String account,
        String authority,
        String kind,
        List<String> keys,
        int minSigners,
        int maxKeyLoss,
        boolean exact,
        String summary) {

    public ResilienceFigure {
        keys = List.copyOf(keys);
    }
}
