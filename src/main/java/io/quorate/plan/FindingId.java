package io.quorate.plan;

import io.quorate.lint.Finding;

/** A lint finding as a plan compares them across states: its check and the subject it concerns. */
public record FindingId(String check, String subject) implements Comparable<FindingId> {

    static FindingId of(Finding f) {
        return new FindingId(f.id(), f.authority() == null ? f.account() : f.account() + "@" + f.authority());
    }

    @Override
    public int compareTo(FindingId o) {
        int c = subject.compareTo(o.subject);
        return c != 0 ? c : check.compareTo(o.check);
    }
}
