package io.quorate.plan;

import io.quorate.lint.Finding;

import java.util.List;

/** A diff for people: plain text for a terminal, or Markdown for a pull-request comment. */
public final class DiffText {

    private DiffText() {
    }

    public static String text(DiffReport d) {
        StringBuilder out = new StringBuilder();
        accounts(out, d, "", "");
        if (!d.figures().isEmpty()) out.append("resilience (min signers, keys it survives losing), before -> after:\n");
        for (Figure f : d.figures()) out.append("  ").append(figure(f)).append('\n');
        findings(out, "new findings", d.findingsNew(), "  ");
        findings(out, "fixed findings", d.findingsFixed(), "  ");
        if (!d.plan().steps().isEmpty()) {
            out.append("change steps, checked in order:\n").append(PlanText.render(d.plan()).indent(2));
        }
        out.append(d.safe() ? "the change is safe\n" : "the change is NOT safe\n");
        return out.toString();
    }

    public static String markdown(DiffReport d) {
        StringBuilder out = new StringBuilder("### Quorate: ").append(d.safe() ? "the change is safe" : "the change is **not safe**").append("\n\n");
        accounts(out, d, "- ", "`");
        if (!d.figures().isEmpty()) {
            out.append("\n| authority | min signers | survives losing |\n|---|---|---|\n");
            for (Figure f : d.figures()) {
                out.append("| `").append(f.authority()).append("` | ").append(show(f.minSignersBefore())).append(" → ").append(show(f.minSignersAfter()))
                        .append(" | ").append(show(f.maxKeyLossBefore())).append(" → ").append(show(f.maxKeyLossAfter())).append(" |\n");
            }
        }
        out.append('\n');
        findings(out, "**New findings**", d.findingsNew(), "- ");
        if (!d.findingsNew().isEmpty()) out.append('\n');
        findings(out, "**Fixed findings**", d.findingsFixed(), "- ");
        if (!d.plan().steps().isEmpty()) {
            out.append("\n**Change steps** (").append(d.plan().verdict()).append(")\n\n| step | operation | account | verdict | error |\n|---|---|---|---|---|\n");
            for (StepReport s : d.plan().steps()) {
                out.append("| ").append(s.step().label()).append(" | `").append(s.step().op()).append("` | `").append(s.step().account()).append("` | ")
                        .append(s.verdict().label()).append(" | ").append(s.error() == null ? (s.why() == null ? "" : s.why()) : "`" + s.error().name() + "`")
                        .append(" |\n");
            }
            if (d.plan().reorder() != null) out.append("\nSafe order: ").append(String.join(", ", d.plan().reorder())).append('\n');
        }
        return out.toString();
    }

    private static void accounts(StringBuilder out, DiffReport d, String bullet, String q) {
        line(out, bullet, "accounts added", d.accountsAdded(), q);
        line(out, bullet, "accounts removed", d.accountsRemoved(), q);
        line(out, bullet, "accounts changed", d.accountsChanged(), q);
    }

    private static void line(StringBuilder out, String bullet, String what, List<String> names, String q) {
        if (names.isEmpty()) return;
        out.append(bullet).append(what).append(": ");
        out.append(String.join(", ", names.stream().map(n -> q + n + q).toList())).append('\n');
    }

    private static void findings(StringBuilder out, String title, List<Finding> findings, String bullet) {
        if (findings.isEmpty()) return;
        out.append(title).append(":\n");
        for (Finding f : findings) {
            out.append(bullet).append(f.severity().label()).append(" ").append(f.id()).append(": ").append(f.message()).append('\n');
        }
    }

    private static String figure(Figure f) {
        return f.authority() + ": " + show(f.minSignersBefore()) + " -> " + show(f.minSignersAfter()) + ", "
                + show(f.maxKeyLossBefore()) + " -> " + show(f.maxKeyLossAfter());
    }

    private static String show(Integer v) {
        return v == null ? "none" : v < 0 ? "never" : String.valueOf(v);
    }
}
