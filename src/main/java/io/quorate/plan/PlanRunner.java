package io.quorate.plan;

import io.quorate.lint.Finding;
import io.quorate.lint.LintOptions;
import io.quorate.policy.Account;
import io.quorate.policy.PolicySet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Applies a plan's operations in order, each judged on the state before it: authorized by its
 * signatures, accepted by the chain, and safe by the linter and the analysis. A rejected step is
 * not applied. Casper calls that share a deploy are authorized once, on the state the deploy
 * started from, and a call the account refuses reverts the whole deploy, as session code that
 * fails does.
 */
public final class PlanRunner implements AutoCloseable {

    private final Judge judge = new Judge();
    private final Safety safety;

    public PlanRunner() {
        this(LintOptions.defaults());
    }

    public PlanRunner(LintOptions options) {
        this.safety = new Safety(options);
    }

    public PlanReport run(Plan plan) {
        Result r = apply(plan.start(), units(plan.operations()));
        String verdict = r.reports.stream().anyMatch(s -> s.verdict() == StepReport.Verdict.REJECTED) ? "rejected"
                : r.reports.stream().anyMatch(s -> s.verdict() == StepReport.Verdict.UNSAFE) ? "unsafe" : "safe";
        List<String> reorder = verdict.equals("safe") ? null : new Reorder(this).find(plan.start(), units(plan.operations()));
        return new PlanReport(r.reports, r.end, verdict, reorder);
    }

    /** The steps' reports and the state they leave. */
    record Result(List<StepReport> reports, PolicySet end, List<Step> applied) {

        boolean allOk() {
            return reports.stream().allMatch(s -> s.verdict() == StepReport.Verdict.OK);
        }
    }

    /** Operations grouped as they run: a Casper deploy's calls together, every other step alone. */
    static List<List<Operation>> units(List<Operation> operations) {
        List<List<Operation>> units = new ArrayList<>();
        List<Operation> open = null;
        for (Operation op : operations) {
            Step s = op.step();
            boolean joins = open != null && s.deploy() != null && s.deploy().equals(open.get(0).step().deploy())
                    && s.account().equals(open.get(0).step().account());
            if (joins) {
                open.add(op);
            } else {
                open = new ArrayList<>(List.of(op));
                units.add(open);
            }
        }
        return units;
    }

    Result apply(PolicySet start, List<List<Operation>> units) {
        PolicySet state = start;
        List<StepReport> reports = new ArrayList<>();
        List<Step> applied = List.of();
        for (List<Operation> unit : units) {
            Result r = applyUnit(state, unit, applied);
            reports.addAll(r.reports);
            state = r.end;
            applied = r.applied;
        }
        return new Result(reports, state, applied);
    }

    Result applyUnit(PolicySet start, List<Operation> unit, List<Step> appliedBefore) {
        PolicySet state = start;
        List<StepReport> reports = new ArrayList<>();
        List<Step> applied = new ArrayList<>(appliedBefore);
        boolean deploy = unit.size() > 1 || unit.get(0).step().deploy() != null;
        for (int i = 0; i < unit.size(); i++) {
            Operation op = unit.get(i);
            StepReport report = judge(op, deploy ? start : state, state, applied);
            reports.add(report);
            if (report.verdict() == StepReport.Verdict.REJECTED) {
                if (unit.size() > 1) return new Result(reverted(unit, reports, i, report), start, appliedBefore);
                continue;
            }
            state = next(state, op);
            applied.add(op.step());
        }
        return new Result(reports, state, List.copyOf(applied));
    }

    /** A deploy whose call {@code failed} was refused: every call of it is undone or never runs. */
    private static List<StepReport> reverted(List<Operation> unit, List<StepReport> done, int failed, StepReport cause) {
        List<StepReport> out = new ArrayList<>();
        String deploy = unit.get(0).step().deploy();
        for (int i = 0; i < unit.size(); i++) {
            if (i == failed) {
                out.add(cause);
                continue;
            }
            StepReport was = i < done.size() ? done.get(i) : null;
            String why = "deploy `" + deploy + "` " + (i < failed ? "reverted" : "stopped") + " at step " + cause.step().label()
                    + " (" + cause.error().name() + ")";
            out.add(new StepReport(unit.get(i).step(), was == null || was.authorized(), was == null || was.accepted(), cause.error(),
                    List.of(), List.of(), List.of(), StepReport.Verdict.REJECTED, why));
        }
        return out;
    }

    private PolicySet next(PolicySet state, Operation op) {
        Account changed = op.apply(state);
        Map<String, Account> accounts = new LinkedHashMap<>(state.accounts());
        accounts.put(changed.name(), changed);
        return new PolicySet(accounts, state.keys(), state.revision(), state.suppressions());
    }

    /** One step on {@code state}, its signatures checked on {@code authState} (the deploy's start for Casper). */
    StepReport judge(Operation op, PolicySet authState, PolicySet state, List<Step> applied) {
        try {
            return judgeOrThrow(op, authState, state, applied);
        } catch (RuntimeException e) {
            // Fail closed: a step Quorate could not judge is not one anybody should sign.
            ChainError internal = new ChainError("internal-error", "the step could not be checked: " + e);
            return new StepReport(op.step(), false, false, internal, List.of(), List.of(), List.of(), StepReport.Verdict.REJECTED, internal.message());
        }
    }

    private StepReport judgeOrThrow(Operation op, PolicySet authState, PolicySet state, List<Step> applied) {
        Step step = op.step();
        ChainError denied = step.signed() ? op.authorize(authState, judge) : null;
        ChainError refused = op.refusal(state, applied);
        if (denied != null || refused != null) {
            ChainError first = denied == null || refused != null && op.contentFirst() ? refused : denied;
            return new StepReport(step, denied == null, refused == null, first, List.of(), List.of(), List.of(),
                    StepReport.Verdict.REJECTED, first.message());
        }
        PolicySet after = next(state, op);
        Safety.State b = safety.of(state);
        Safety.State a = safety.of(after);
        List<FindingId> added = new ArrayList<>();
        List<FindingId> removed = new ArrayList<>();
        String unsafe = null;
        for (Map.Entry<FindingId, Finding> f : a.findings().entrySet()) {
            if (b.findings().containsKey(f.getKey())) continue;
            added.add(f.getKey());
            String why = a.unsafe(f.getValue());
            // A step changes one account, but a finding it adds anywhere is its doing (a reference it broke).
            if (unsafe == null && why != null) {
                unsafe = f.getKey().check() + ": " + why;
            }
        }
        for (FindingId f : b.findings().keySet()) if (!a.findings().containsKey(f)) removed.add(f);
        if (unsafe == null) {
            java.util.Set<String> locked = a.lockedOut();
            locked.removeAll(b.lockedOut());
            if (!locked.isEmpty()) unsafe = "nobody can change the keys of `" + locked.iterator().next() + "` any more";
        }
        List<Figure> figures = new ArrayList<>();
        for (String authority : new TreeSet<>(op.touched())) figures.add(b.figure(step.account(), authority, a));
        return new StepReport(step, true, true, null, added, removed, figures,
                unsafe == null ? StepReport.Verdict.OK : StepReport.Verdict.UNSAFE, unsafe);
    }

    @Override
    public void close() {
        judge.close();
    }
}
