package io.quorate.reference;

import io.quorate.chains.OnChainNames;
import io.quorate.engine.ActionDecision;
import io.quorate.engine.Authorizer;
import io.quorate.engine.Decision;
import io.quorate.engine.Outcome;
import io.quorate.engine.Reason;
import io.quorate.engine.ReasonCode;
import io.quorate.keys.KeyId;
import io.quorate.policy.Account;
import io.quorate.policy.Chain;
import io.quorate.policy.KeyDirectory;
import io.quorate.policy.KeyRef;
import io.quorate.policy.PolicyKeys;
import io.quorate.policy.PolicySet;
import io.quorate.signatures.Verification;
import io.quorate.signatures.Verifier;
import io.quorate.transaction.ActionRequest;
import io.quorate.transaction.Transaction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A deliberately plain evaluator: a direct transcription of each chain's authorization algorithm
 * over the policy records, with no precomputation. It is the oracle the compiled engine is tested
 * against, so it favours being obviously right over being fast.
 */
public final class ReferenceEvaluator implements Authorizer {

    /** Subsets of candidate keys tried in all (sizes 1, 2, … added up) when looking for what is missing. */
    static final int MAX_SUBSETS = 4_096;
    static final int MAX_MISSING_SIZE = 5;

    private final PolicySet policy;
    private final KeyDirectory directory;
    private final OnChainNames names;
    private final Map<Chain, ChainCheck> checks = new HashMap<>();

    public ReferenceEvaluator(PolicySet policy) {
        this.policy = policy;
        this.directory = KeyDirectory.of(policy);
        this.names = new OnChainNames(policy);
        ChainReference.all().forEach((chain, r) -> checks.put(chain, r.check(policy)));
    }

    @Override
    public Decision authorize(Transaction transaction) {
        try {
            transaction = names.normalize(transaction);
            if (transaction.evidence() != null) {
                Chain chain = chainOf(transaction.actions());
                if (chain != null && transaction.actions().stream()
                        .map(a -> policy.account(a.account())).allMatch(a -> a == null || a.chain() == chain)) {
                    Verification verification = Verifier.verify(chain, transaction.evidence());
                    if (!verification.verified()) {
                        return transactionDenied(transaction, ReasonCode.INVALID_SIGNATURE, verification.problem(), List.of());
                    }
                    transaction = transaction.withSigningKeys(verification.keys());
                }
            }
            Decision decision = decide(transaction, List.of());
            if (decision.decision() == Outcome.DENY && decision.hasReason(ReasonCode.UNSATISFIED_AUTHORITY)) {
                return withMissing(decision, missing(transaction));
            }
            return decision;
        } catch (RuntimeException e) {
            Reason reason = new Reason(ReasonCode.INTERNAL_ERROR, "the decision failed: " + e);
            return new Decision(transaction.id(), Outcome.DENY, null, null, null, null, 0, 0, List.of(), List.of(),
                    List.of(), List.of(reason), policy.revision(), List.of());
        }
    }

    /** The decision for the transaction with {@code extra} keys signing after the ones it lists. */
    private Decision decide(Transaction transaction, List<KeyRef> extra) {
        List<ActionRequest> actions = transaction.actions();
        if (actions.isEmpty()) {
            return transactionDenied(transaction, ReasonCode.MALFORMED_TRANSACTION, "the transaction has no action",
                    List.of());
        }
        Chain chain = chainOf(actions);
        if (chain == null) {
            ActionRequest first = actions.get(0);
            return transactionDenied(transaction, ReasonCode.UNKNOWN_ACCOUNT,
                    "account `" + first.account() + "`: not in the policy", List.of());
        }
        for (ActionRequest action : actions) {
            Account account = policy.account(action.account());
            if (account != null && account.chain() != chain) {
                return transactionDenied(transaction, ReasonCode.MALFORMED_TRANSACTION,
                        "the transaction mixes " + chain.id() + " and " + account.chain().id() + " accounts",
                        List.of());
            }
        }

        List<KeyRef> provided = new ArrayList<>();
        for (String text : transaction.signatures()) {
            KeyDirectory.Resolution r = directory.resolve(chain, text);
            if (r.key() == null) {
                return transactionDenied(transaction, ReasonCode.UNKNOWN_KEY, r.problem(), distinct(provided));
            }
            provided.add(r.key());
        }
        provided.addAll(extra);

        List<KeyRef> keys = distinct(provided);
        if (keys.size() != provided.size() && ChainReference.all().get(chain).rejectsDuplicateSignatures()) {
            String twice = twice(provided);
            return transactionDenied(transaction, ReasonCode.DUPLICATE_SIGNATURE,
                    "key `" + twice + "` signed twice", keys);
        }

        Verdict verdict = checks.get(chain).check(transaction, keys);
        return assemble(transaction, keys, verdict);
    }

    private Decision assemble(Transaction transaction, List<KeyRef> keys, Verdict verdict) {
        List<ActionDecision> actions = new ArrayList<>();
        for (Row row : verdict.rows()) {
            actions.add(row.toDecision(verdict.denied()));
        }
        List<String> used = new ArrayList<>();
        List<String> unused = new ArrayList<>();
        for (KeyRef k : keys) {
            (verdict.used().contains(k.id()) ? used : unused).add(k.label());
        }
        ActionDecision top = actions.get(verdict.denied() == null ? 0 : verdict.focus());
        Outcome outcome = verdict.denied() == null ? Outcome.ALLOW : Outcome.DENY;
        Reason reason = verdict.denied() == null
                ? new Reason(ReasonCode.AUTHORIZED, "authorized by `" + top.satisfiedBy() + "`")
                : verdict.denied();
        return new Decision(transaction.id(), outcome, top.account(), top.action(), top.required(), top.satisfiedBy(),
                top.weight(), top.threshold(), used, unused, List.of(), List.of(reason), policy.revision(), actions);
    }

    private Decision transactionDenied(Transaction transaction, String code, String message, List<KeyRef> keys) {
        Reason reason = new Reason(code, message);
        List<ActionDecision> actions = new ArrayList<>();
        for (ActionRequest a : transaction.actions()) {
            actions.add(new ActionDecision(Outcome.DENY, a.account(), a.actionLabel(), null, null, 0, 0,
                    List.of(reason)));
        }
        ActionDecision top = actions.isEmpty() ? null : actions.get(0);
        return new Decision(transaction.id(), Outcome.DENY, top == null ? null : top.account(),
                top == null ? null : top.action(), null, null, 0, 0, List.of(),
                keys.stream().map(KeyRef::label).toList(), List.of(), List.of(reason), policy.revision(), actions);
    }

    /** The chain of the first action whose account exists, or null when none does. */
    private Chain chainOf(List<ActionRequest> actions) {
        for (ActionRequest a : actions) {
            Account account = policy.account(a.account());
            if (account != null) return account.chain();
        }
        return null;
    }

    private static List<KeyRef> distinct(List<KeyRef> keys) {
        Map<KeyId, KeyRef> seen = new LinkedHashMap<>();
        for (KeyRef k : keys) seen.putIfAbsent(k.id(), k);
        return new ArrayList<>(seen.values());
    }

    private static String twice(List<KeyRef> keys) {
        Set<KeyId> seen = new HashSet<>();
        for (KeyRef k : keys) {
            if (!seen.add(k.id())) return k.label();
        }
        return "";
    }

    // ---------------------------------------------------------------------------------------
    // What is missing: the smallest sets of further keys, any one of which would authorize.

    private List<List<String>> missing(Transaction transaction) {
        Chain chain = chainOf(transaction.actions());
        if (chain == null) return List.of();
        Set<KeyId> provided = new HashSet<>();
        for (String text : transaction.signatures()) {
            KeyDirectory.Resolution r = directory.resolve(chain, text);
            if (r.key() != null) provided.add(r.key().id());
        }
        List<KeyRef> pool = candidatePool(chain, transaction.actions(), provided);
        long tried = 0;
        for (int k = 1; k <= Math.min(MAX_MISSING_SIZE, pool.size()); k++) {
            tried += binomial(pool.size(), k);
            if (tried > MAX_SUBSETS) return List.of();
            List<List<String>> found = new ArrayList<>();
            int[] index = new int[k];
            for (int i = 0; i < k; i++) index[i] = i;
            while (true) {
                List<KeyRef> subset = new ArrayList<>();
                for (int i : index) subset.add(pool.get(i));
                if (decide(transaction, subset).decision() == Outcome.ALLOW) {
                    found.add(subset.stream().map(KeyRef::label).toList());
                }
                if (!nextCombination(index, pool.size())) break;
            }
            if (!found.isEmpty()) return found;
        }
        return List.of();
    }

    /**
     * The keys of the transaction's accounts and of every account reachable from them through
     * account references, minus the keys already provided.
     */
    private List<KeyRef> candidatePool(Chain chain, List<ActionRequest> actions, Set<KeyId> provided) {
        Set<String> seen = new LinkedHashSet<>();
        List<String> queue = new ArrayList<>();
        actions.forEach(a -> queue.add(a.account()));
        Map<KeyId, KeyRef> pool = new LinkedHashMap<>();
        while (!queue.isEmpty()) {
            String name = queue.remove(0);
            Account account = policy.account(name);
            if (account == null || account.chain() != chain || !seen.add(name)) continue;
            for (KeyRef k : PolicyKeys.of(account)) {
                if (!provided.contains(k.id())) pool.putIfAbsent(k.id(), k);
            }
            queue.addAll(account.referencedAccounts());
        }
        List<KeyRef> sorted = new ArrayList<>(pool.values());
        sorted.sort(Comparator.comparing(KeyRef::label).thenComparing(k -> k.id().canonical()));
        return sorted;
    }




    private static Decision withMissing(Decision d, List<List<String>> missing) {
        return new Decision(d.id(), d.decision(), d.account(), d.action(), d.required(), d.satisfiedBy(), d.weight(),
                d.threshold(), d.usedKeys(), d.unusedKeys(), missing, d.reasons(), d.policyRevision(), d.actions());
    }

    static long binomial(int n, int k) {
        long result = 1;
        for (int i = 1; i <= k; i++) {
            result = result * (n - k + i) / i;
        }
        return result;
    }

    /** Advances {@code index} to the next k-subset of {0..n-1} in lexicographic order. */
    private static boolean nextCombination(int[] index, int n) {
        int k = index.length;
        int i = k - 1;
        while (i >= 0 && index[i] == n - k + i) i--;
        if (i < 0) return false;
        index[i]++;
        for (int j = i + 1; j < k; j++) index[j] = index[j - 1] + 1;
        return true;
    }
}
