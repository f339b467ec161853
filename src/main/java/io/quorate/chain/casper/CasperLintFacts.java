package io.quorate.chain.casper;

import io.quorate.diag.SourceLocation;
import io.quorate.lint.ChainLintFacts;
import io.quorate.lint.ActionRouting;
import io.quorate.lint.Facts;
import io.quorate.lint.facts.CasperFact;
import io.quorate.lint.facts.LimitFact;
import io.quorate.policy.Account;
import io.quorate.policy.Chain;
import io.quorate.policy.KeyWeight;
import java.util.Set;
import java.util.List;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/** The lint facts of a Casper account: its action thresholds over the associated keys, and the key limit. */
public final class CasperLintFacts implements ChainLintFacts {

    static final long MAX_KEYS = 100L;

    @Override
    public Chain chain() {
        return Chain.CASPER;
    }

    /**
     * A transfer's target as Quorate reads it from a deploy: a public key in tagged hex
     * ({@code 01} + 32 bytes, {@code 02} + 33 bytes), {@code account-hash-} + 32 bytes, or
     * {@code uref-} + 32 bytes + {@code -} + three digits of access rights, hex in lowercase.
     */
    private static final java.util.regex.Pattern TARGET = java.util.regex.Pattern.compile(
            "01[0-9a-f]{64}|02[0-9a-f]{66}|account-hash-[0-9a-f]{64}|uref-[0-9a-f]{64}-00[0-7]");

    @Override
    public String accountNameProblem(String name) {
        if (TARGET.matcher(name).matches()) return null;
        if (TARGET.matcher(name.toLowerCase(java.util.Locale.ROOT)).matches()) {
            return "deploy targets are read in lowercase hex and lists compare exactly: write it in lowercase";
        }
        return "casper targets are a public key in tagged hex (`01…`, `02…`), `account-hash-…` (64 hex digits) or `uref-…-007`";
    }

    /** A deploy needs the deployment threshold, key management and (2.0) contract upgrade their own. */
    @Override
    public ActionRouting routing(Account account) {
        CasperAccount casper = (CasperAccount) account;
        return new ActionRouting() {
            @Override
            public List<String> representatives(Set<String> mentioned) {
                return List.of("deploy", "deployment", "key_management", "upgrade_management");
            }

            @Override
            public Set<String> actingFor(String action) {
                if (action == null || casper.threshold(action) < 0) return Set.of();
                return Set.of(switch (action) {
                    case "key_management", "upgrade_management" -> action;
                    default -> "deployment";
                });
            }
        };
    }

    @Override
    public void add(Account account, Facts f, LocalDate today) {
        add((CasperAccount) account, f);
    }

    private static void add(CasperAccount account, Facts f) {
        long total = Math.min(255, account.keys().stream().mapToLong(KeyWeight::weight).sum());
        int n = account.keys().size();
        SourceLocation at = account.thresholdsAt();
        f.authority(account, "deployment", "threshold", account.deployment(), total, n, 0, at);
        f.authority(account, "key_management", "threshold", account.keyManagement(), total, n, 0, at);
        if (account.version() >= 2) f.authority(account, "upgrade_management", "threshold", account.upgradeManagement(), total, n, 0, at);
        Map<Object, SourceLocation> seen = new HashMap<>();
        for (KeyWeight k : account.keys()) f.key(account.name(), null, "account", "associated key", k.key(), k.weight(), k.at(), seen);
        f.add(new LimitFact(account.name(), null, "account", "associated keys", n, MAX_KEYS,
                "casper limit (max_associated_keys)", account.at()));
        f.add(new CasperFact(account.name(), account.version(), account.deployment(), account.keyManagement(),
                account.upgradeManagement(), n, at));
        f.parent(account, "key_management", "threshold", "deployment", "threshold", at);
        if (account.version() >= 2) f.parent(account, "key_management", "threshold", "upgrade_management", "threshold", at);
    }

}
