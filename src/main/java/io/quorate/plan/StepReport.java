package io.quorate.plan;

import java.util.List;

/**
 * What a plan reports for one step: whether its signatures authorize it and whether the chain
 * accepts it on the state before it (with the chain's error when not), the lint findings it adds
 * and clears, the figures of the authorities it touches, its verdict, and a sentence saying why.
 */
public record StepReport(
        Step step,
        boolean authorized,
        boolean accepted,
        ChainError error,
        List<FindingId> findingsAdded,
        List<FindingId> findingsRemoved,
        List<Figure> figures,
        Verdict verdict,
        String why) {

    public StepReport {
        findingsAdded = List.copyOf(findingsAdded);
        findingsRemoved = List.copyOf(findingsRemoved);
        figures = List.copyOf(figures);
    }

    public enum Verdict {
        OK, UNSAFE, REJECTED;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
