package io.quorate.lint;

import io.quorate.analysis.Analysis;
import io.quorate.analysis.AuthorityAnalysis;
import io.quorate.analysis.CapabilityAnalysis;
import io.quorate.policy.KeyRef;
import io.quorate.policy.PolicySet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.kie.api.runtime.StatelessKieSession;

/**
 * Lints a policy set: computes the resilience figures and the facts once, lets every check's
 * rule judge them in one session, applies the policy's suppressions and the user's levels.
 */
public final class Linter {

    private static final Comparator<Finding> ORDER = Comparator
            .comparing((Finding f) -> f.at() == null ? "" : f.at().file())
            .thenComparingInt(f -> f.at() == null ? 0 : f.at().line())
            .thenComparingInt(f -> f.at() == null ? 0 : f.at().column())
            .thenComparing(Finding::id)
            .thenComparing(Finding::message);

    private Linter() {
    }

    public static LintReport lint(PolicySet policy, LintOptions options) {
        Analysis analysis = Analysis.of(policy);
        List<Object> facts = new ArrayList<>(Facts.of(policy, analysis, options.today()));
        facts.addAll(Suppressions.facts(policy.suppressions(), CheckRegistry.byId(), options.today()));
        Findings findings = new Findings(CheckRegistry.byId(), options.levels());
        StatelessKieSession session = CheckRegistry.kieBase().newStatelessKieSession();
        session.setGlobal("findings", findings);
        session.execute(facts);
        List<Finding> all = new ArrayList<>(Suppressions.apply(findings.all(), policy.suppressions(), options.today()));
        all.sort(ORDER);
        return new LintReport(all, CheckRegistry.checks(), figures(analysis), policy.revision(),
                io.quorate.chains.OnChainIds.of(policy));
    }

    /**
     * The facts the checks judge (authorities, entries, links, descriptors, rules, each with where
     * it is written), for tools that walk a policy's parts as the checks see them.
     */
    public static List<Object> facts(PolicySet policy, Analysis analysis, java.time.LocalDate today) {
        return List.copyOf(Facts.of(policy, analysis, today));
    }

    /** Every authority's and capability's figures, with the sentence people read. */
    static List<ResilienceFigure> figures(Analysis analysis) {
        List<ResilienceFigure> out = new ArrayList<>();
        for (AuthorityAnalysis a : analysis.authorities()) {
            out.add(new ResilienceFigure(a.account(), a.authority(), a.kind(), labels(a.keys()), a.figures().minSigners(),
                    a.figures().maxKeyLoss(), a.figures().exact(), Analysis.describe(a.figures(), a.keys(), a.formula()) + assuming(a.outside())));
        }
        for (CapabilityAnalysis c : analysis.capabilities()) {
            out.add(new ResilienceFigure(c.account(), c.capability(), "capability", labels(c.keys()), c.figures().minSigners(),
                    c.figures().maxKeyLoss(), c.figures().exact(), Analysis.describe(c.figures(), c.keys(), c.formula()) + assuming(c.outside())));
        }
        return out;
    }

    /** What the figures leave out: references outside the policy set, of which nothing is known. */
    private static String assuming(List<String> outside) {
        if (outside.isEmpty()) return "";
        return " (counting " + String.join(", ", outside.stream().map(t -> "`" + t + "`").toList())
                + ", outside the policy set, as nothing: these figures assume nothing about the outside "
                + (outside.size() == 1 ? "account)" : "accounts)");
    }

    private static List<String> labels(List<KeyRef> keys) {
        return keys.stream().map(KeyRef::label).distinct().toList();
    }

}
