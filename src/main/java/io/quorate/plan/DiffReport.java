package io.quorate.plan;

import io.quorate.lint.Finding;

import java.util.List;

/**
 * What changes between two policy sets: accounts added, removed and changed, the figures of every
 * authority the change touches (named {@code account@authority}), lint findings new and fixed,
 * and the change steps that carry the old accounts to the new ones, checked as a plan.
 */
public record DiffReport(
        List<String> accountsAdded,
        List<String> accountsRemoved,
        List<String> accountsChanged,
        List<Figure> figures,
        List<Finding> findingsNew,
        List<Finding> findingsFixed,
        PlanReport plan) {

    public DiffReport {
        accountsAdded = List.copyOf(accountsAdded);
        accountsRemoved = List.copyOf(accountsRemoved);
        accountsChanged = List.copyOf(accountsChanged);
        figures = List.copyOf(figures);
        findingsNew = List.copyOf(findingsNew);
        findingsFixed = List.copyOf(findingsFixed);
    }

    /** Safe to merge: the steps are accepted and safe in some order, and no new error-level finding. */
    public boolean safe() {
        boolean stepsOk = plan.verdict().equals("safe") || plan.reorder() != null;
        return stepsOk && findingsNew.stream().noneMatch(f -> f.severity() == io.quorate.diag.Severity.ERROR);
    }
}
