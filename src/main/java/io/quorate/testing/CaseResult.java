package io.quorate.testing;

import io.quorate.diag.SourceLocation;
import java.util.List;

/**
 * The outcome of one run of a case: which file and case, which row or subset ({@code label}, null
 * for a single one), where it is written, whether it passed, the fields that differ, what actually
 * happened in a few words ({@code actual}), and a note ({@code note}: why there was nothing to
 * compare, or that {@code --update} recorded the outcome).
 */
public record CaseResult(String file, String name, String label, SourceLocation at, boolean passed, List<FieldDiff> diffs,
                         String actual, String note) {

    public CaseResult {
        diffs = List.copyOf(diffs);
    }

    /** The name reports show: the case's name and, for a row or subset, its label. */
    public String fullName() {
        return label == null ? name : name + " [" + label + "]";
    }
}
