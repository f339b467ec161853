package io.quorate.lint;

import io.quorate.diag.SourceLocation;
import io.quorate.lint.facts.CasperFact;
import io.quorate.lint.facts.DescriptorFact;
import io.quorate.lint.facts.LimitFact;
import io.quorate.lint.facts.LinkFact;
import io.quorate.lint.facts.RuleFact;
import io.quorate.lint.facts.ValidityFact;
import io.quorate.policy.Account;
import io.quorate.policy.AuthDescriptor;
import io.quorate.policy.Authority;
import io.quorate.policy.CasperAccount;
import io.quorate.policy.EosAccount;
import io.quorate.policy.Ft4Account;
import io.quorate.policy.Ft4Rule;
import io.quorate.policy.GenericAccount;
import io.quorate.policy.HiveAccount;
import io.quorate.policy.KeyRef;
import io.quorate.policy.KeyWeight;
import io.quorate.policy.WaitWeight;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The facts of each chain's own shape and limits (see docs/semantics.md and each chain's validity rules). */
final class ChainFacts {

    /** {@code max_transaction_delay}: 45 days. */
    static final long EOS_MAX_WAIT = 3_888_000L;
    static final long EOS_MAX_ENTRIES = 65_536L;
    static final long HIVE_MAX_MEMBERSHIP = 40L;
    static final long CASPER_MAX_KEYS = 100L;
    static final long FT4_MAX_RULE_EXPRESSIONS = 8L;

    private final Facts f;
    private final LocalDate today;

    ChainFacts(Facts f, LocalDate today) {
        this.f = f;
        this.today = today;
    }

    void account(Account a) {
        if (a instanceof EosAccount eos) eos(eos);
        else if (a instanceof HiveAccount hive) hive(hive);
        else if (a instanceof CasperAccount casper) casper(casper);
        else if (a instanceof Ft4Account ft4) ft4(ft4);
        else if (a instanceof GenericAccount generic) generic(generic);
    }

    private void weighted(Account account, Authority a, String kind) {
        long waits = a.waits().stream().mapToLong(WaitWeight::weight).sum();
        int entries = a.keys().size() + a.accounts().size() + a.waits().size();
        f.authority(account, a.name(), kind, a.threshold(), a.totalWeight(), entries, waits, a.at());
        f.entries(account.name(), a.name(), kind, a);
    }

    private void eos(EosAccount account) {
        for (Authority p : account.permissions().values()) {
            weighted(account, p, "permission");
            int entries = p.keys().size() + p.accounts().size() + p.waits().size();
            f.out.add(new LimitFact(account.name(), p.name(), "permission", "entries", entries, EOS_MAX_ENTRIES, "eos limit", p.at()));
            for (WaitWeight w : p.waits()) {
                f.out.add(new LimitFact(account.name(), p.name(), "permission", "wait of seconds", w.seconds(), EOS_MAX_WAIT,
                        "eos max_transaction_delay (45 days)", w.at()));
            }
            if (p.parent() != null && account.permissions().containsKey(p.parent())) {
                Authority parent = account.permissions().get(p.parent());
                f.parent(account, parent.name(), "permission", p.name(), "permission", parent.at());
            }
        }
        account.links().forEach((link, permission) -> f.out.add(new LinkFact(account.name(), link, permission,
                account.permissions().containsKey(permission), account.at())));
    }

    private void hive(HiveAccount account) {
        for (String role : List.of("owner", "active", "posting")) {
            Authority a = account.role(role);
            if (a == null) continue;
            weighted(account, a, "role");
            f.out.add(new LimitFact(account.name(), role, "role", "entries", a.keys().size() + a.accounts().size(),
                    HIVE_MAX_MEMBERSHIP, "hive membership limit (HIVE_MAX_AUTHORITY_MEMBERSHIP)", a.at()));
        }
        String[][] pairs = {{"owner", "active"}, {"owner", "posting"}, {"active", "posting"}};
        for (String[] pair : pairs) {
            Authority parent = account.role(pair[0]);
            if (parent != null && account.role(pair[1]) != null) f.parent(account, pair[0], "role", pair[1], "role", parent.at());
        }
    }

    private void casper(CasperAccount account) {
        long total = Math.min(255, account.keys().stream().mapToLong(KeyWeight::weight).sum());
        int n = account.keys().size();
        SourceLocation at = account.thresholdsAt();
        f.authority(account, "deployment", "threshold", account.deployment(), total, n, 0, at);
        f.authority(account, "key_management", "threshold", account.keyManagement(), total, n, 0, at);
        if (account.version() >= 2) f.authority(account, "upgrade_management", "threshold", account.upgradeManagement(), total, n, 0, at);
        Map<Object, SourceLocation> seen = new HashMap<>();
        for (KeyWeight k : account.keys()) f.key(account.name(), null, "account", "associated key", k.key(), k.weight(), k.at(), seen);
        f.out.add(new LimitFact(account.name(), null, "account", "associated keys", n, CASPER_MAX_KEYS,
                "casper limit (max_associated_keys)", account.at()));
        f.out.add(new CasperFact(account.name(), account.version(), account.deployment(), account.keyManagement(),
                account.upgradeManagement(), n, at));
        f.parent(account, "key_management", "threshold", "deployment", "threshold", at);
        if (account.version() >= 2) f.parent(account, "key_management", "threshold", "upgrade_management", "threshold", at);
    }

    private void ft4(Ft4Account account) {
        f.out.add(new LimitFact(account.name(), null, "account", "descriptors", account.descriptors().size(), account.maxDescriptors(),
                "account's max_descriptors", account.at()));
        for (AuthDescriptor d : account.descriptors()) {
            Map<Object, SourceLocation> seen = new HashMap<>();
            for (KeyRef k : d.signers()) f.key(account.name(), d.name(), "descriptor", "signer", k, 1, d.at(), seen);
            int signers = (int) d.signers().stream().map(KeyRef::id).distinct().count();
            f.authority(account, d.name(), "descriptor", d.required(), signers, d.signers().size(), 0, d.at());
            List<String> missing = account.mandatoryFlags().stream().filter(flag -> !d.flags().contains(flag)).toList();
            String missingFlags = missing.isEmpty() ? "" : (missing.size() == 1 ? "flag " : "flags ")
                    + String.join(", ", missing.stream().map(m -> "`" + m + "`").toList());
            f.out.add(new DescriptorFact(account.name(), d.name(), d.main(), d.multiSig(), signers, d.required(),
                    String.join(",", d.flags()), d.flags().contains("A"), missingFlags, d.rules() != null,
                    d.rules() == null ? null : neverHolds(d.rules()), d.at()));
            if (d.rules() != null) {
                for (Ft4Rule.Comparison c : d.rules().comparisons()) {
                    f.out.add(new RuleFact(account.name(), d.name(), c.op(), c.variable(), c.value(), c.at()));
                }
                f.out.add(new LimitFact(account.name(), d.name(), "descriptor", "rule expressions", d.rules().comparisons().size(),
                        FT4_MAX_RULE_EXPRESSIONS, "ft4 limit", d.at()));
            }
        }
        for (AuthDescriptor parent : account.descriptors()) {
            if (!parent.flags().contains("A")) continue;
            for (AuthDescriptor child : account.descriptors()) {
                if (child.flags().contains("A")) continue;
                f.parent(account, parent.name(), "descriptor", child.name(), "descriptor", parent.at());
            }
        }
    }

    private void generic(GenericAccount account) {
        for (Authority a : account.authorities().values()) {
            weighted(account, a, "authority");
            if (a.valid() != null) f.out.add(validity(account, a));
            if (a.parent() != null && account.authorities().containsKey(a.parent())) {
                Authority parent = account.authorities().get(a.parent());
                f.parent(account, parent.name(), "authority", a.name(), "authority", parent.at());
            }
        }
    }

    /** Whether a generic authority's window still holds a moment from the start of today on. */
    private ValidityFact validity(GenericAccount account, Authority a) {
        java.time.Instant from = a.valid().from();
        java.time.Instant until = a.valid().until();
        java.time.Instant startOfToday = today.atStartOfDay(ZoneOffset.UTC).toInstant();
        String why = null;
        if (from != null && until != null && !from.isBefore(until)) {
            why = "its validity window is empty: it starts at " + from + " and ends at " + until;
        } else if (until != null && !until.isAfter(startOfToday)) {
            why = "its validity window closed at " + until + ": it can never be used again";
        }
        return new ValidityFact(account.name(), a.name(), why != null, why, a.at());
    }

    /**
     * Why the rules can never hold again from today on, or null. Every comparison must hold at once,
     * so each variable's comparisons bound it to an interval: {@code op_count} is at least 1 (this use),
     * {@code block_time} at least the start of today; an empty interval never holds.
     */
    String neverHolds(Ft4Rule rules) {
        long todayMs = today.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        Map<String, long[]> bounds = new HashMap<>();
        bounds.put("op_count", new long[] {1, Long.MAX_VALUE});
        bounds.put("block_time", new long[] {todayMs, Long.MAX_VALUE});
        bounds.put("block_height", new long[] {0, Long.MAX_VALUE});
        List<String> written = new ArrayList<>();
        for (Ft4Rule.Comparison c : rules.comparisons()) {
            long[] b = bounds.get(c.variable());
            long v = c.value();
            switch (c.op()) {
                case "lt" -> b[1] = Math.min(b[1], v == Long.MIN_VALUE ? v : v - 1);
                case "le" -> b[1] = Math.min(b[1], v);
                case "gt" -> b[0] = Math.max(b[0], v == Long.MAX_VALUE ? v : v + 1);
                case "ge" -> b[0] = Math.max(b[0], v);
                case "eq" -> {
                    b[0] = Math.max(b[0], v);
                    b[1] = Math.min(b[1], v);
                }
                default -> {
                    // the loader accepts only the five operators
                }
            }
            written.add("`[" + c.op() + ", " + c.variable() + ", " + v + "]`");
        }
        for (String variable : List.of("op_count", "block_time", "block_height")) {
            long[] b = bounds.get(variable);
            if (b[0] <= b[1]) continue;
            String why = switch (variable) {
                case "op_count" -> "`op_count` counts this use, so it is at least 1";
                case "block_time" -> "`block_time` is already past " + today;
                default -> "no `block_height` satisfies them all";
            };
            return String.join(" and ", written) + ": " + why;
        }
        return null;
    }
}
