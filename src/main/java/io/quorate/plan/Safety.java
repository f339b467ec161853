package io.quorate.plan;

import io.quorate.analysis.Analysis;
import io.quorate.analysis.AuthorityAnalysis;
import io.quorate.analysis.CapabilityAnalysis;
import io.quorate.diag.Severity;
import io.quorate.lint.Finding;
import io.quorate.lint.LintOptions;
import io.quorate.lint.LintReport;
import io.quorate.lint.Linter;
import io.quorate.policy.PolicySet;

import java.util.Map;
import java.util.TreeMap;

/**
 * What the linter and the analysis say about one state of the policy set, computed once per
 * state: the unsuppressed findings by id, with their severity, and the figures.
 */
final class Safety {

    /** The check whose finding on an account-managing descriptor makes a step unsafe: one lost key locks the account. */
    static final String ALL_SIGNERS = "all-signers-required";

    private final Bounded<PolicySet, State> states = new Bounded<>(64, s -> { });
    private final LintOptions options;

    Safety(LintOptions options) {
        this.options = options;
    }

    record State(Map<FindingId, Finding> findings, Analysis analysis) {

        Figure figure(String account, String authority, State after) {
            AuthorityAnalysis b = analysis.authority(account, authority);
            AuthorityAnalysis a = after.analysis.authority(account, authority);
            return new Figure(authority, b == null ? null : b.figures().minSigners(), a == null ? null : a.figures().minSigners(),
                    b == null ? null : b.figures().maxKeyLoss(), a == null ? null : a.figures().maxKeyLoss());
        }

        /** The account's keys capability: who can change its keys, or null when the chain has none. */
        CapabilityAnalysis keys(String account) {
            for (CapabilityAnalysis c : analysis.capabilities()) {
                if (c.account().equals(account) && c.capability().equals("keys")) return c;
            }
            return null;
        }

        /** The accounts nobody can change the keys of. */
        java.util.Set<String> lockedOut() {
            java.util.Set<String> out = new java.util.TreeSet<>();
            for (CapabilityAnalysis c : analysis.capabilities()) {
                if (c.capability().equals("keys") && !c.figures().satisfiable()) out.add(c.account());
            }
            return out;
        }

        /**
         * Why this finding makes the state unsafe, or null: an error-level finding, or an N-of-N
         * descriptor that manages the account (one lost key locks the account for good).
         */
        String unsafe(Finding f) {
            if (f.suppressed()) return null;
            if (f.severity() == Severity.ERROR) return f.message();
            if (f.id().equals(ALL_SIGNERS)) {
                CapabilityAnalysis c = keys(f.account());
                if (c != null && c.grantedBy().contains(f.authority())) return f.message() + ", and it manages the account";
            }
            return null;
        }
    }

    State of(PolicySet state) {
        return states.get(state, s -> {
            LintReport report = Linter.lint(s, options);
            Map<FindingId, Finding> findings = new TreeMap<>();
            for (Finding f : report.findings()) if (!f.suppressed()) findings.putIfAbsent(FindingId.of(f), f);
            return new State(findings, Analysis.of(s));
        });
    }
}
