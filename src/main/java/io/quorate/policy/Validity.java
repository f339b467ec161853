package io.quorate.policy;

import java.time.Instant;

/** A generic authority's window of use: from inclusive, until exclusive; either end may be open (null). */
public record Validity(Instant from, Instant until) {

    public boolean contains(Instant time) {
        return (from == null || !time.isBefore(from)) && (until == null || time.isBefore(until));
    }
}
