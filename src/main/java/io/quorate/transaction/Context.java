package io.quorate.transaction;

import java.time.Instant;

/**
 * What the chain knows when it checks a transaction. Null fields were not given: FT4 rules on a
 * missing variable do not hold (fail closed), and a missing time means "now" for generic windows.
 */
public record Context(Instant time, Long blockHeight, Long blockTime, Long opCount, long delaySec) {

    public static final Context EMPTY = new Context(null, null, null, null, 0);
}
