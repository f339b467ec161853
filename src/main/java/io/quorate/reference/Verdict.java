package io.quorate.reference;

import io.quorate.engine.Reason;
import io.quorate.keys.KeyId;
import java.util.List;
import java.util.Set;

/**
 * A chain's answer for a whole transaction: one row per action, the single reason it was denied
 * (null when allowed), the action that reason concerns, and the provided keys the chain marked used.
 */
public record Verdict(List<Row> rows, Reason denied, int focus, Set<KeyId> used) {

    public static Verdict allow(List<Row> rows, Set<KeyId> used) {
        return new Verdict(rows, null, 0, used);
    }

    public static Verdict deny(List<Row> rows, Reason reason, int focus, Set<KeyId> used) {
        return new Verdict(rows, reason, focus, used);
    }

    /** A failure of the transaction as a whole: every action shares it, the first action is reported. */
    public static Verdict denyAll(List<Row> rows, Reason reason, Set<KeyId> used) {
        for (Row row : rows) {
            row.confirmed = false;
        }
        return new Verdict(rows, reason, 0, used);
    }
}
