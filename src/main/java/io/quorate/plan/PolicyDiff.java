package io.quorate.plan;

import io.quorate.diag.InputException;
import io.quorate.lint.Finding;
import io.quorate.lint.LintOptions;
import io.quorate.policy.PolicySet;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Compares two policy sets and checks the steps between them (`quorate diff`). */
public final class PolicyDiff {

    private PolicyDiff() {
    }

    public static DiffReport of(PolicySet before, PolicySet after) throws InputException {
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        after.accounts().keySet().forEach(a -> {
            if (before.account(a) == null) added.add(a);
        });
        before.accounts().keySet().forEach(a -> {
            if (after.account(a) == null) removed.add(a);
        });
        Plan plan = PlanLoader.load("<diff>", DiffPlan.of(before, after), before, false);
        try (PlanRunner runner = new PlanRunner()) {
            PlanReport report = runner.run(plan);
            Safety safety = new Safety(LintOptions.defaults());
            Safety.State b = safety.of(before);
            Safety.State a = safety.of(after);
            TreeSet<String> changed = new TreeSet<>();
            List<Figure> figures = new ArrayList<>();
            TreeSet<String> touched = new TreeSet<>();
            for (Operation op : plan.operations()) {
                changed.add(op.step().account());
                for (String authority : op.touched()) touched.add(op.step().account() + "\u0000" + authority);
            }
            for (String t : touched) {
                String[] parts = t.split("\u0000");
                Figure f = b.figure(parts[0], parts[1], a);
                figures.add(new Figure(parts[0] + "@" + parts[1], f.minSignersBefore(), f.minSignersAfter(), f.maxKeyLossBefore(), f.maxKeyLossAfter()));
            }
            return new DiffReport(added, removed, new ArrayList<>(changed), figures, minus(a.findings(), b.findings()),
                    minus(b.findings(), a.findings()), report);
        }
    }

    private static List<Finding> minus(Map<FindingId, Finding> from, Map<FindingId, Finding> without) {
        List<Finding> out = new ArrayList<>();
        from.forEach((id, f) -> {
            if (!without.containsKey(id)) out.add(f);
        });
        return out;
    }
}
