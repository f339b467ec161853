package io.quorate.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.analysis.Analysis;
import io.quorate.analysis.CapabilityAnalysis;
import io.quorate.analysis.Figures;
import io.quorate.engine.Decision;
import io.quorate.engine.PreparedPolicy;
import io.quorate.engine.ReasonCode;
import io.quorate.engine.Quorate;
import io.quorate.policy.Account;
import io.quorate.chain.casper.CasperAccount;
import io.quorate.chain.eos.EosAccount;
import io.quorate.chain.ft4.Ft4Account;
import io.quorate.chain.generic.GenericAccount;
import io.quorate.chain.hive.HiveAccount;
import io.quorate.policy.KeyRef;
import io.quorate.policy.PolicySet;
import io.quorate.transaction.Transaction;
import io.quorate.transaction.TransactionLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The linter's figures are the engine's decisions: for every capability of random policies of
 * each chain (funds, keys, posting, upgrade, a generic action), {@code min_signers} and
 * {@code max_key_loss} equal a brute force over the engine's own decisions on every subset of the
 * capability's keys. A key set "can act" when some subset of it satisfies the capability's
 * authority: the engine allows it, or denies it only for a signature no authority used. The
 * figures describe who can satisfy an authority; an EOS corner they do not model is a permission
 * reached twice, first inside a sub-authority that fails (its keys' used-marks are rolled back)
 * and then from the cache, which leaves a key unused and the transaction refused
 * (docs/lint.md, "What the figures assume").
 */
class FiguresAgreeWithDecisionsTest {

    private static final int MAX_KEYS = 8;
    private static final int MAX_POLICIES = 200;
    private static final int CAPABILITIES = 60;

    @ParameterizedTest
    @ValueSource(strings = {"eos", "hive", "casper", "ft4", "generic"})
    void capability_figures_equal_brute_force_over_decisions(String chain) {
        Random random = new Random(chain.hashCode() * 17L + 5);
        int compared = 0;
        for (int i = 0; i < MAX_POLICIES && compared < CAPABILITIES; i++) {
            PolicyCase c = RandomPolicies.sample(chain, random);
            if (c.policyYaml().contains("valid:") || c.policyYaml().contains("rules:")) continue;
            PolicySet policy = Differential.load(c);
            PreparedPolicy engine = Quorate.prepare(policy);
            for (CapabilityAnalysis capability : Analysis.of(policy).capabilities()) {
                Account account = policy.accounts().get(capability.account());
                if (!account.chain().id().equals(chain) || capability.keys().size() > MAX_KEYS) continue;
                if (!capability.figures().exact()) continue;
                List<List<String>> candidates = transactions(account, capability);
                if (candidates.isEmpty()) continue;
                assertFigures(c, engine, capability, candidates);
                compared++;
            }
        }
        assertTrue(compared >= 40, chain + ": only " + compared + " capabilities compared");
    }

    /**
     * The transactions (as YAML without signatures) any one of which exercising the capability
     * suffices: one per authority that grants it where the chain checks one declared authority.
     */
    private static List<List<String>> transactions(Account account, CapabilityAnalysis capability) {
        String name = account.name();
        List<List<String>> out = new ArrayList<>();
        if (account instanceof EosAccount) {
            String action = capability.capability().equals("keys") ? "owner" : "eosio.token::transfer";
            for (String granted : capability.grantedBy()) {
                out.add(List.of("account: " + name, "action: \"" + action + "\"", "authorization: \"" + name + "@" + granted + "\""));
            }
        } else if (account instanceof HiveAccount) {
            String op = switch (capability.capability()) {
                case "funds" -> "transfer";
                case "keys" -> "owner";
                default -> "vote";
            };
            if (!capability.grantedBy().isEmpty()) out.add(List.of("account: " + name, "action: " + op));
        } else if (account instanceof CasperAccount) {
            String action = switch (capability.capability()) {
                case "funds" -> "deploy";
                case "keys" -> "key_management";
                default -> "upgrade_management";
            };
            out.add(List.of("account: " + name, "action: " + action));
        } else if (account instanceof Ft4Account) {
            if (!capability.grantedBy().isEmpty()) {
                out.add(List.of("account: " + name, "action: " + (capability.capability().equals("keys") ? "account" : "transfer")));
            }
        } else if (account instanceof GenericAccount) {
            String action = capability.capability().equals("*") ? "some-unmapped-action" : capability.capability();
            out.add(List.of("account: " + name, "action: \"" + action + "\""));
        }
        return out;
    }

    private static void assertFigures(PolicyCase c, PreparedPolicy engine, CapabilityAnalysis capability, List<List<String>> candidates) {
        List<KeyRef> keys = capability.keys();
        int n = keys.size();
        boolean[] canAct = new boolean[1 << n];
        for (int set = 0; set < 1 << n; set++) canAct[set] = allowed(engine, candidates, keys, set);
        // superset closure: a set can act when any of its subsets is allowed
        for (int bit = 0; bit < n; bit++) {
            for (int set = 0; set < 1 << n; set++) {
                if ((set >> bit & 1) == 1 && canAct[set ^ (1 << bit)]) canAct[set] = true;
            }
        }
        int all = (1 << n) - 1;
        int minSigners = -1;
        int kill = -1;
        for (int set = 0; set <= all; set++) {
            int size = Integer.bitCount(set);
            if (canAct[set] && (minSigners < 0 || size < minSigners)) minSigners = size;
            if (!canAct[all & ~set] && (kill < 0 || size < kill)) kill = size;
        }
        int maxKeyLoss = minSigners < 0 ? -1 : kill < 0 ? n : kill - 1;
        String disagreement = "";
        for (int set = 0; set <= all && disagreement.isEmpty(); set++) {
            int chosen = set;
            boolean formula = capability.formula().holds(k -> (chosen >> k & 1) == 1);
            if (formula != canAct[set]) {
                disagreement = "\nfirst disagreement: keys " + names(keys, set) + ": the figures say " + (formula ? "can" : "cannot")
                        + " act, the engine " + (canAct[set] ? "allows a subset" : "allows no subset");
            }
        }
        Figures f = capability.figures();
        String where = capability.account() + " " + capability.capability() + " over " + keys.stream().map(KeyRef::label)
                .collect(Collectors.joining(", ")) + disagreement + "\n--- policy.yaml\n" + c.policyYaml();
        assertEquals(minSigners, f.minSigners(), "min_signers of " + where);
        assertEquals(maxKeyLoss, f.maxKeyLoss(), "max_key_loss of " + where);
    }

    private static List<String> names(List<KeyRef> keys, int set) {
        List<String> out = new ArrayList<>();
        for (int k = 0; k < keys.size(); k++) if ((set >> k & 1) == 1) out.add(keys.get(k).label());
        return out;
    }

    private static boolean allowed(PreparedPolicy engine, List<List<String>> candidates, List<KeyRef> keys, int set) {
        List<String> signatures = new ArrayList<>();
        for (int k = 0; k < keys.size(); k++) {
            if ((set >> k & 1) == 1) signatures.add("\"" + keys.get(k).label().replace("\"", "\\\"") + "\"");
        }
        for (List<String> lines : candidates) {
            String yaml = String.join("\n", lines) + "\nsignatures: [" + String.join(", ", signatures) + "]\n";
            Transaction tx;
            try {
                tx = TransactionLoader.load("tx.yaml", yaml).get(0);
            } catch (Exception e) {
                throw new AssertionError("test bug: " + yaml, e);
            }
            Decision d = engine.authorizeWithoutMissing(tx);
            if (d.allowed() || d.hasReason(ReasonCode.IRRELEVANT_SIGNATURE)) return true;
        }
        return false;
    }
}
