package io.quorate.lint.render;

import io.quorate.diag.Severity;
import io.quorate.diag.SourceLocation;
import io.quorate.lint.CheckInfo;
import io.quorate.lint.Finding;
import io.quorate.lint.LintReport;
import io.quorate.lint.ResilienceFigure;
import java.util.List;

/** Lint reports built by hand, as a lint run over {@code policies/treasury.yaml} would produce them. */
final class Reports {

    static final String FILE = "policies/treasury.yaml";

    /** The policy the sample findings point into; line 7 holds the single-key authority. */
    static final String POLICY = """
            quorate: 1
            accounts:
              treasury:
                chain: generic
                authorities:
                  owner: {threshold: 1, keys: [{key: k1, weight: 1}]}
                  active: {threshold: 1, keys: [{key: k2, weight: 1}, {key: k3, weight: 1}]}
              vault:
                chain: generic
                authorities:
            \tadmin: {threshold: 5, keys: [{key: k1, weight: 1}]}
            """;

    static final CheckInfo SINGLE_KEY = new CheckInfo("single-key-authority", Severity.ERROR, "security",
            "one key alone satisfies the authority", "raise the threshold or give each key less weight");
    static final CheckInfo UNREACHABLE = new CheckInfo("unreachable-threshold", Severity.ERROR, "satisfiability",
            "the threshold exceeds the total weight", "lower the threshold or add keys");
    static final CheckInfo WEAK_OWNER = new CheckInfo("weak-owner", Severity.WARNING, "security",
            "the owner authority is weaker than the authorities it controls", "make the owner at least as strict");
    static final CheckInfo KEY_REUSE = new CheckInfo("key-reuse", Severity.INFO, "hygiene",
            "one key appears in several accounts", "use a separate key per account");

    private Reports() {
    }

    static Finding singleKey() {
        return new Finding("single-key-authority", Severity.ERROR, "security", "treasury", "active",
                "account `treasury`: authority `active`: key `k2` alone satisfies threshold 1", SINGLE_KEY.help(), new SourceLocation(FILE, 7, 7), false, null);
    }

    static Finding unreachable() {
        return new Finding("unreachable-threshold", Severity.ERROR, "satisfiability", "vault", "admin",
                "account `vault`: authority `admin`: threshold 5 exceeds total weight 1", UNREACHABLE.help(), new SourceLocation(FILE, 11, 2), false, null);
    }

    static Finding weakOwnerSuppressed() {
        return new Finding("weak-owner", Severity.WARNING, "security", "treasury", "owner",
                "account `treasury`: authority `owner`: owner needs 1 signature, active needs 1", WEAK_OWNER.help(), new SourceLocation(FILE, 6, 7), false, null)
                .suppress("the owner key is in a vault, reviewed 2026-01");
    }

    /** Concerns the policy set as a whole: no account, no authority, line 0. */
    static Finding keyReuse() {
        return new Finding("key-reuse", Severity.INFO, "hygiene", null, null,
                "key `k1` is used by `treasury` and `vault`", KEY_REUSE.help(), SourceLocation.ofFile(FILE), false, null);
    }

    static Finding warningAt(String file, String message) {
        return new Finding("weak-owner", Severity.WARNING, "security", "vault", "owner",
                "account `vault`: authority `owner`: " + message, null,
                new SourceLocation(file, 3, 4), false, null);
    }

    static ResilienceFigure treasuryActive() {
        return new ResilienceFigure("treasury", "active", "authority", List.of("k2", "k3"), 1, 1, true,
                "1 of 2 keys signs; 1 key can be lost");
    }

    /** Two errors, one suppressed warning, one info finding on line 0, four checks, one figure. */
    static LintReport sample() {
        return new LintReport(List.of(unreachable(), weakOwnerSuppressed(), keyReuse(), singleKey()),
                List.of(SINGLE_KEY, UNREACHABLE, WEAK_OWNER, KEY_REUSE), List.of(treasuryActive()), "sha256:abc123");
    }

    static LintReport of(Finding... findings) {
        return new LintReport(List.of(findings), List.of(SINGLE_KEY, UNREACHABLE, WEAK_OWNER, KEY_REUSE), List.of(), "sha256:abc123");
    }

    static LintReport empty() {
        return new LintReport(List.of(), List.of(SINGLE_KEY, UNREACHABLE, WEAK_OWNER, KEY_REUSE), List.of(), "sha256:abc123");
    }
}
