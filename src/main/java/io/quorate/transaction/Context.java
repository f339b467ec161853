package io.quorate.transaction;

import io.quorate.assets.Amount;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the chain knows when it checks a transaction. Null fields were not given: FT4 rules on a
 * missing variable do not hold (fail closed), and a missing time means "now" for generic windows.
 * {@code spent} is what the caller says was already spent per period ({@code context.spent}), one
 * amount per asset; a period it does not name is unknown.
 */
public record Context(Instant time, Long blockHeight, Long blockTime, Long opCount, long delaySec,
        Map<Duration, List<Amount>> spent) {

    public static final Context EMPTY = new Context(null, null, null, null, 0);

    public Context {
        spent = spent == null ? Map.of() : Map.copyOf(spent);
    }

    public Context(Instant time, Long blockHeight, Long blockTime, Long opCount, long delaySec) {
        this(time, blockHeight, blockTime, opCount, delaySec, Map.of());
    }
}
