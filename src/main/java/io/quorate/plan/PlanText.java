package io.quorate.plan;

import java.util.List;
import java.util.stream.Collectors;

/** A plan's report for people: a line per step with its verdict, then what it changes, then the summary. */
public final class PlanText {

    private PlanText() {
    }

    public static String render(PlanReport report) {
        StringBuilder out = new StringBuilder();
        for (StepReport s : report.steps()) {
            Step step = s.step();
            out.append(String.format("%-8s step %s: %s on `%s`%s%n", s.verdict().label(), step.label(), step.op(), step.account(),
                    step.deploy() == null ? "" : " (deploy `" + step.deploy() + "`)"));
            if (s.verdict() == StepReport.Verdict.REJECTED && s.authorized() && s.accepted()) {
                out.append("         reverted with its deploy: ").append(s.why()).append('\n');
                continue;
            }
            if (s.verdict() == StepReport.Verdict.REJECTED) {
                out.append("         ").append(s.authorized() ? "" : "not authorized").append(!s.authorized() && !s.accepted() ? ", " : "")
                        .append(s.accepted() ? "" : "not accepted").append(": ").append(s.error().name()).append(": ").append(s.why()).append('\n');
                continue;
            }
            if (s.why() != null) out.append("         unsafe: ").append(s.why()).append('\n');
            for (Figure f : s.figures()) {
                out.append("         ").append(f.authority()).append(": min signers ").append(show(f.minSignersBefore())).append(" -> ")
                        .append(show(f.minSignersAfter())).append(", survives losing ").append(show(f.maxKeyLossBefore())).append(" -> ")
                        .append(show(f.maxKeyLossAfter())).append('\n');
            }
            if (!s.findingsAdded().isEmpty()) out.append("         new findings: ").append(list(s.findingsAdded())).append('\n');
            if (!s.findingsRemoved().isEmpty()) out.append("         fixed findings: ").append(list(s.findingsRemoved())).append('\n');
        }
        out.append("plan ").append(report.verdict()).append(": ").append(report.steps().size()).append(" steps, ")
                .append(report.count(StepReport.Verdict.REJECTED)).append(" rejected, ").append(report.count(StepReport.Verdict.UNSAFE))
                .append(" unsafe\n");
        if (report.reorder() != null) {
            out.append("these steps are accepted and safe in this order: ").append(String.join(", ", report.reorder())).append('\n');
        } else if (!report.verdict().equals("safe")) {
            out.append("no order of these steps is accepted and safe\n");
        }
        return out.toString();
    }

    private static String show(Integer figure) {
        return figure == null ? "none" : figure < 0 ? "never" : String.valueOf(figure);
    }

    private static String list(List<FindingId> ids) {
        return ids.stream().map(f -> f.check() + " (" + f.subject() + ")").collect(Collectors.joining(", "));
    }
}
