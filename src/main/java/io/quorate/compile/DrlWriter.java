package io.quorate.compile;

import io.quorate.chain.ft4.Ft4Rule;
import io.quorate.policy.PolicySet;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes the DRL of a compiled policy set: one rule per authority. Each rule matches the
 * {@link Check} aimed at its authority (an int alpha constraint, hashed by Drools, so dispatch costs
 * the same for 10 or 10,000 accounts) and holds the policy's threshold as a literal; its
 * consequence judges the check against that threshold with the chain's tally of the compiled
 * program. The tally sits in the consequence rather than in an {@code eval}: the alpha node leads
 * straight to the rule, which measured markedly cheaper per decision. Deterministic: same policy,
 * same text.
 */
public final class DrlWriter {

    private DrlWriter() {
    }

    public static String write(PolicySet policy, List<Program> programs) {
        StringBuilder drl = new StringBuilder(256 + programs.size() * 240);
        drl.append("package io.quorate.rules;\n\n")
                .append("import io.quorate.compile.Check;\n\n")
                .append("// policy revision ").append(policy.revision()).append('\n')
                .append("// one rule per authority: it fires for the check aimed at its authority and judges it,\n")
                .append("// comparing the chain's tally of the authority's compiled program with the threshold written here\n");
        String account = null;
        for (Program p : programs) {
            if (!p.accountName().equals(account)) {
                account = p.accountName();
                drl.append("\n// ").append(p.chain().id()).append(" account ").append(comment(account)).append('\n');
            }
            drl.append("// ").append(comment(p.name())).append(": ").append(comment(p.description())).append('\n')
                    .append("rule \"").append(p.chain().id()).append(' ').append(quote(p.label())).append("\"\n")
                    .append("when\n")
                    .append("    $c : Check( target == ").append(p.id()).append(" )\n")
                    .append("then\n")
                    .append("    $c.judge(").append(p.threshold()).append("L);\n")
                    .append("end\n");
        }
        return drl.toString();
    }

    /** FT4 rules in the chain's own syntax, for comments and messages. */
    public static String ruleText(Ft4Rule rule) {
        if (rule instanceof Ft4Rule.Comparison c) return "[" + c.op() + ", " + c.variable() + ", " + c.value() + "]";
        return rule.comparisons().stream().map(DrlWriter::ruleText).collect(Collectors.joining(", ", "[and, ", "]"));
    }

    private static String comment(String text) {
        return text.replace('\n', ' ').replace('\r', ' ');
    }

    private static String quote(String text) {
        return comment(text).replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
