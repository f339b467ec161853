package io.quorate.chain.ft4;

import io.quorate.diag.SourceLocation;
import io.quorate.lint.ChainLintFacts;
import io.quorate.lint.ActionRouting;
import io.quorate.lint.Facts;
import io.quorate.lint.facts.DescriptorFact;
import io.quorate.lint.facts.LimitFact;
import io.quorate.lint.facts.RuleFact;
import io.quorate.policy.Account;
import io.quorate.policy.Chain;
import io.quorate.policy.KeyRef;
import java.util.Set;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The lint facts of an FT4 account: descriptors, their flags and rules, and the descriptor limits. */
public final class Ft4LintFacts implements ChainLintFacts {

    static final long MAX_RULE_EXPRESSIONS = 8L;

    @Override
    public Chain chain() {
        return Chain.FT4;
    }

    /** FT4 account ids are 32 bytes: the hash of the signers it was registered with. */
    private static final java.util.regex.Pattern ACCOUNT_ID = java.util.regex.Pattern.compile("[0-9A-Fa-f]{64}");

    @Override
    public String accountNameProblem(String name) {
        return ACCOUNT_ID.matcher(name).matches() ? null : "ft4 accounts are named by their id: 64 hex digits (32 bytes)";
    }

    /**
     * {@code transfer} needs flag T, {@code account} flag A; a request by flags (no action name)
     * needs the flags it lists, so every descriptor can act for one listing only its own.
     */
    @Override
    public ActionRouting routing(Account account) {
        Ft4Account ft4 = (Ft4Account) account;
        return new ActionRouting() {
            @Override
            public List<String> representatives(Set<String> mentioned) {
                return java.util.Arrays.asList("transfer", "account", null);
            }

            @Override
            public Set<String> actingFor(String action) {
                String flag = action == null ? null : switch (action) {
                    case "transfer" -> "T";
                    case "account" -> "A";
                    default -> "";
                };
                if ("".equals(flag)) return Set.of();
                Set<String> out = new java.util.LinkedHashSet<>();
                for (AuthDescriptor d : ft4.descriptors()) if (flag == null || d.flags().contains(flag)) out.add(d.name());
                return out;
            }
        };
    }

    @Override
    public void add(Account account, Facts f, LocalDate today) {
        add((Ft4Account) account, f, today);
    }

    private static void add(Ft4Account account, Facts f, LocalDate today) {
        f.add(new LimitFact(account.name(), null, "account", "descriptors", account.descriptors().size(), account.maxDescriptors(),
                "account's max_descriptors", account.at()));
        for (AuthDescriptor d : account.descriptors()) {
            Map<Object, SourceLocation> seen = new HashMap<>();
            for (KeyRef k : d.signers()) f.key(account.name(), d.name(), "descriptor", "signer", k, 1, d.at(), seen);
            int signers = (int) d.signers().stream().map(KeyRef::id).distinct().count();
            f.authority(account, d.name(), "descriptor", d.required(), signers, d.signers().size(), 0, d.at());
            List<String> missing = account.mandatoryFlags().stream().filter(flag -> !d.flags().contains(flag)).toList();
            String missingFlags = missing.isEmpty() ? "" : (missing.size() == 1 ? "flag " : "flags ")
                    + String.join(", ", missing.stream().map(m -> "`" + m + "`").toList());
            f.add(new DescriptorFact(account.name(), d.name(), d.main(), d.multiSig(), signers, d.required(),
                    String.join(",", d.flags()), d.flags().contains("A"), missingFlags, d.rules() != null,
                    d.rules() == null ? null : d.rules().whyNeverHolds(today), d.at()));
            if (d.rules() != null) {
                for (Ft4Rule.Comparison c : d.rules().comparisons()) {
                    f.add(new RuleFact(account.name(), d.name(), c.op(), c.variable(), c.value(), c.at(), c::holdsAt));
                }
                f.add(new LimitFact(account.name(), d.name(), "descriptor", "rule expressions", d.rules().comparisons().size(),
                        MAX_RULE_EXPRESSIONS, "ft4 limit", d.at()));
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
}
