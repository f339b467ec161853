package io.quorate.engine;

import io.quorate.chains.OnChainIds;
import io.quorate.chains.OnChainNames;
import io.quorate.compile.CompiledAccount;
import io.quorate.compile.CompiledPolicy;
import io.quorate.compile.Entry;
import io.quorate.compile.Program;
import io.quorate.conditions.ConditionsEngine;
import io.quorate.conditions.ContextSpent;
import io.quorate.conditions.SpentAmounts;
import io.quorate.policy.Chain;
import io.quorate.policy.ChainServices;
import io.quorate.policy.KeyDirectory;
import io.quorate.policy.KeyRef;
import io.quorate.rules.Budget;
import io.quorate.rules.EvaluationLimitException;
import io.quorate.rules.RuleBase;
import io.quorate.rules.ThreadSessions;
import io.quorate.rules.Signatures;
import io.quorate.yaml.Suggest;
import io.quorate.signatures.Verification;
import io.quorate.signatures.Verifier;
import io.quorate.transaction.ActionRequest;
import io.quorate.transaction.Transaction;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A compiled policy set ready to decide: immutable and thread-safe. Each thread keeps one Drools
 * session over the shared KieBase; each decision resolves the signatures, lets the chain's decider
 * put its checks to the rules, and explains the outcome. Any failure while deciding is a deny.
 */
public final class PreparedPolicy implements Authorizer, AutoCloseable {

    private static final Map<Chain, ChainDecider> DECIDERS = ChainServices.load(ChainDecider.class, ChainDecider::chain);

    private final CompiledPolicy policy;
    private final RuleBase rules;
    private final ThreadSessions<RuleSession> sessions;
    private final Map<String, String> onChainIds;
    private final OnChainNames names;
    private final Map<Chain, Map<String, Signer>> signers = new java.util.HashMap<>();
    /** The organisation's conditions, decided after the chain (null when the policy has none). */
    private final ConditionsEngine conditions;
    /** Where spent amounts come from; null: each transaction's {@code context.spent}. */
    private volatile SpentAmounts spending;

    public PreparedPolicy(CompiledPolicy policy) {
        this(policy, RuleBase.build(policy));
    }

    /** A policy deciding with {@code rules}, which must have been built from {@code policy}. */
    public PreparedPolicy(CompiledPolicy policy, RuleBase rules) {
        this.policy = policy;
        this.rules = rules;
        this.sessions = new ThreadSessions<>(() -> new RuleSession(rules));
        this.onChainIds = OnChainIds.of(policy.source());
        this.names = new OnChainNames(policy.source(), onChainIds);
        for (Chain chain : Chain.all()) signers.put(chain, new java.util.concurrent.ConcurrentHashMap<>());
        this.conditions = ConditionsEngine.of(policy.source());
    }

    /** The organisation's conditions it decides with, or null when the policy has none. */
    public ConditionsEngine conditions() {
        return conditions;
    }

    /** Spent amounts for {@code spent} conditions come from {@code store} instead of each transaction's {@code context.spent}. */
    public void useSpending(SpentAmounts store) {
        this.spending = store;
    }

    /**
     * The chain has decided; now the organisation's conditions decide, and their outcome is merged
     * into the decision (a denial by them denies; the chain's reason stays first). The approvers
     * are the distinct keys that signed, as the chain's decision names them. Fails closed.
     */
    private Decision withConditions(Transaction tx, Decision decided) {
        return withConditions(tx, decided, null);
    }

    /** As {@link #withConditions(Transaction, Decision)}, spent amounts from {@code given} when not null. */
    private Decision withConditions(Transaction tx, Decision decided, SpentAmounts given) {
        if (conditions == null) return decided;
        try {
            CompiledAccount account = decided.account() == null ? null : policy.account(decided.account());
            if (account == null) return decided;
            Transaction named = names.normalize(tx);
            List<String> signers = new ArrayList<>(decided.usedKeys());
            signers.addAll(decided.unusedKeys());
            SpentAmounts spent = given != null ? given : spending != null ? spending : new ContextSpent(named.context());
            return decided.withConditions(conditions.decide(named, signers, account.source().chain(), policy.directory(), spent,
                    java.time.Instant.now()));
        } catch (RuntimeException | StackOverflowError e) {
            return Decision.failClosed(tx, revision(), e);
        }
    }

    public CompiledPolicy compiled() {
        return policy;
    }

    /** The rules it decides with. */
    public RuleBase rules() {
        return rules;
    }

    /**
     * The on-chain ids of what a decision names (its account, the authority required and the one
     * that satisfied it), where the chain gives them ids: FT4 account and descriptor ids, Casper
     * account hashes.
     */
    public Map<String, String> onChainIds(Decision d) {
        Map<String, String> ids = new java.util.LinkedHashMap<>();
        for (String name : new String[] {d.account(), d.required(), d.satisfiedBy()}) {
            String id = name == null ? null : onChainIds.get(name);
            if (id != null && !id.equals(name)) ids.putIfAbsent(name, id);
        }
        return ids;
    }

    public String revision() {
        return policy.source().revision();
    }

    @Override
    public Decision authorize(Transaction tx) {
        return withConditions(tx, decideOnSession(tx, true, Long.MAX_VALUE));
    }

    /**
     * Decides within a deadline ({@link System#nanoTime()} based): a decision still running at the
     * deadline is denied with {@code evaluation-limit}; the search for missing keys stops early.
     */
    public Decision authorize(Transaction tx, long deadlineNanos) {
        return withConditions(tx, decideOnSession(tx, true, deadlineNanos));
    }

    /**
     * Decides as {@link #authorize(Transaction)}, the amounts {@code spent} conditions need taken
     * from {@code spent} for this decision alone (a service deciding while it holds an account's
     * spending, say), whatever {@link #useSpending} and the transaction's {@code context.spent} say.
     */
    public Decision authorize(Transaction tx, SpentAmounts spent) {
        java.util.Objects.requireNonNull(spent, "spent");
        return withConditions(tx, decideOnSession(tx, true, Long.MAX_VALUE), spent);
    }

    /**
     * The transaction with its accounts and descriptor named as the policy names them (on-chain
     * ids resolved): the names conditions judge and spending is kept under.
     */
    public Transaction named(Transaction tx) {
        return names.normalize(tx);
    }

    /**
     * The chain's decision without the search for what is missing ({@code missing} is empty) and
     * without the organisation's conditions: for callers that need only whether many candidate
     * signature sets satisfy the chain's authority, such as screening, analysis and change plans.
     */
    public Decision authorizeWithoutMissing(Transaction tx) {
        return decideOnSession(tx, false, Long.MAX_VALUE);
    }

    private Decision decideOnSession(Transaction tx, boolean explainMissing, long deadlineNanos) {
        try {
            return sessions.with(session -> decide(tx, explainMissing, session, deadlineNanos));
        } catch (EvaluationLimitException e) {
            return simpleDeny(tx, ReasonCode.EVALUATION_LIMIT, e.getMessage(), List.of());
        } catch (RuntimeException | StackOverflowError e) {
            return Decision.failClosed(tx, revision(), e);
        }
    }

    /**
     * Retires the policy (after a reload replaced it): every thread's Drools session is disposed,
     * idle ones now and busy ones when their decision ends. A caller still holding the policy
     * keeps getting correct decisions, on a fresh session each.
     */
    @Override
    public void close() {
        sessions.retire();
        if (conditions != null) conditions.close();
    }

    private Decision decide(Transaction tx, boolean explainMissing, RuleSession session, long deadlineNanos) {
        Budget budget = Budget.until(deadlineNanos);
        budget.checkDeadline();
        if (tx.actions().isEmpty()) {
            return simpleDeny(tx, ReasonCode.MALFORMED_TRANSACTION, "the transaction has no action", List.of());
        }
        tx = names.normalize(tx);
        Chain chain = null;
        for (ActionRequest a : tx.actions()) {
            CompiledAccount account = policy.account(a.account());
            if (account == null) continue;
            if (chain == null) {
                chain = account.source().chain();
            } else if (chain != account.source().chain()) {
                return simpleDeny(tx, ReasonCode.MALFORMED_TRANSACTION, "the transaction mixes " + chain.id() + " and "
                        + account.source().chain().id() + " accounts", List.of());
            }
        }
        if (chain == null) {
            ActionRequest first = tx.actions().get(0);
            String suggestion = Suggest.didYouMean(first.account(), policy.accounts().keySet());
            return simpleDeny(tx, ReasonCode.UNKNOWN_ACCOUNT, "account `" + first.account() + "` is not in the policy"
                    + (suggestion == null ? "" : ": " + suggestion), List.of());
        }
        if (tx.evidence() != null) {
            // Real signatures: verify them and decide on the keys that made them.
            Verification verification = Verifier.verify(chain, tx.evidence());
            if (!verification.verified()) {
                return simpleDeny(tx, ReasonCode.INVALID_SIGNATURE, verification.problem(), List.of());
            }
            tx = tx.withSigningKeys(verification.keys());
        }
        Resolved resolved = resolve(chain, tx);
        if (resolved.failure != null) {
            return simpleDeny(tx, resolved.failure.code(), resolved.failure.message(), resolved.resolvedLabels);
        }
        Request request = new Request(policy, tx, resolved.signatures, session, budget);
        Verdict verdict = DECIDERS.get(chain).decide(request);
        List<List<String>> missing = List.of();
        if (explainMissing && verdict.denial() != null && verdict.denial().code().equals(ReasonCode.UNSATISFIED_AUTHORITY)) {
            missing = missing(tx, resolved.signatures, session, budget);
            if (missing.isEmpty()) verdict = withHint(verdict);
        }
        return assemble(tx, verdict, resolved.signatures, missing);
    }

    /**
     * A denial that names no missing keys says why: the authority can never be reached by its
     * entries, or no small set of the policy's keys was found to complete it.
     */
    private Verdict withHint(Verdict verdict) {
        ActionResult failed = verdict.actions().get(verdict.focus());
        Program required = failed.required == null ? null : program(failed.required);
        long reach = required == null ? Long.MAX_VALUE : reach(required);
        String hint;
        if (required != null && reach < required.threshold()) {
            hint = "; it can never be reached: its entries add up to at most " + reach + " of threshold "
                    + required.threshold();
        } else {
            hint = "; no set of up to " + MissingKeys.MAX_SET_SIZE + " more keys of the policy was found to authorize it "
                    + "(the search tries at most " + MissingKeys.MAX_ATTEMPTS + " sets)";
        }
        Reason reason = new Reason(verdict.denial().code(), verdict.denial().message() + hint);
        if (failed.failure != null) failed.failure = reason;
        return new Verdict(verdict.actions(), reason, verdict.focus());
    }

    /** The program named {@code account@authority}, or null. */
    private Program program(String label) {
        int at = label.lastIndexOf('@');
        CompiledAccount account = at < 0 ? null : policy.account(label.substring(0, at));
        int id = account == null ? -1 : account.program(label.substring(at + 1));
        return id < 0 ? null : policy.program(id);
    }

    /** The most an authority's entries can add: every weight counted. */
    private static long reach(Program p) {
        long total = 0;
        for (Entry e : p.entries()) total += e.weight();
        return total;
    }

    /** The transaction's signatures, or why they cannot be used and the keys resolved before that. */
    private record Resolved(Signatures signatures, Reason failure, List<String> resolvedLabels) {
    }

    /** A resolved signature: the key's number in the policy (-1 when the policy never names it), label and identity. */
    private record Signer(int id, String label, String canonical) {
    }

    private static final int MAX_CACHED_SIGNERS = 65_536;
    private static final int LINEAR_DUPLICATE_CHECK = 16;

    /**
     * What each signature string means for each chain, remembered: key names are known from the
     * start, and a decoded public key (a base58 or hex decode, a checksum and a curve-point check)
     * is remembered up to a bound. Failures are never remembered.
     */
    private Signer signer(Chain chain, String text, Reason[] failure) {
        Map<String, Signer> cache = signers.get(chain);
        Signer known = cache.get(text);
        if (known != null) return known;
        KeyDirectory.Resolution r = policy.directory().resolve(chain, text);
        if (r.key() == null) {
            failure[0] = new Reason(ReasonCode.UNKNOWN_KEY, r.problem());
            return null;
        }
        Signer s = new Signer(policy.keys().idOf(r.key().id()), r.key().label(), r.key().id().canonical());
        if (cache.size() < MAX_CACHED_SIGNERS) cache.put(text, s);
        return s;
    }

    private Resolved resolve(Chain chain, Transaction tx) {
        List<String> signatures = tx.signatures();
        int[] ids = new int[signatures.size()];
        String[] labels = new String[signatures.size()];
        String[] canonical = new String[signatures.size()];
        int n = 0;
        String duplicate = null;
        Reason[] failure = new Reason[1];
        // A handful of signatures is scanned; many are hashed, so the duplicate check stays linear.
        Set<String> seen = signatures.size() > LINEAR_DUPLICATE_CHECK ? new HashSet<>() : null;
        for (String text : signatures) {
            Signer s = signer(chain, text, failure);
            if (s == null) return new Resolved(null, failure[0], List.of(java.util.Arrays.copyOf(labels, n)));
            boolean repeated = false;
            if (seen != null) {
                repeated = !seen.add(s.canonical());
            } else {
                for (int i = 0; i < n && !repeated; i++) repeated = canonical[i].equals(s.canonical());
            }
            if (repeated) {
                if (duplicate == null) duplicate = s.label();
                continue;
            }
            ids[n] = s.id() >= 0 ? s.id() : -2 - n;
            labels[n] = s.label();
            canonical[n++] = s.canonical();
        }
        if (duplicate != null && DECIDERS.get(chain).rejectsDuplicateSignatures()) {
            return new Resolved(null, new Reason(ReasonCode.DUPLICATE_SIGNATURE, "key `" + duplicate + "` signed more than once"),
                    List.of(java.util.Arrays.copyOf(labels, n)));
        }
        return new Resolved(new Signatures(n == ids.length ? ids : java.util.Arrays.copyOf(ids, n),
                n == labels.length ? labels : java.util.Arrays.copyOf(labels, n)), null, null);
    }


    private List<List<String>> missing(Transaction tx, Signatures signatures, RuleSession session, Budget budget) {
        Set<Integer> provided = new HashSet<>();
        for (int k : signatures.keys) provided.add(k);
        List<String> accounts = new ArrayList<>(new LinkedHashSet<>(tx.actions().stream().map(ActionRequest::account).toList()));
        List<KeyRef> pool = MissingKeys.candidates(policy, accounts, provided, DECIDERS::get);
        List<List<KeyRef>> sets = MissingKeys.smallestSets(pool, budget, extra -> {
            List<String> more = new ArrayList<>(tx.signatures());
            extra.forEach(k -> more.add(k.label()));
            Transaction attempt = new Transaction(tx.id(), tx.actions(), more, tx.approvals(), tx.authDescriptor(),
                    tx.context(), null, tx.at());
            return decide(attempt, false, session, Long.MAX_VALUE).allowed();
        });
        return sets.stream().map(s -> s.stream().map(KeyRef::label).toList()).toList();
    }

    private Decision assemble(Transaction tx, Verdict verdict, Signatures signatures, List<List<String>> missing) {
        List<ActionDecision> actions = verdict.decisions();
        ActionDecision top = actions.get(verdict.focus());
        List<Reason> reasons = verdict.denial() != null ? List.of(verdict.denial()) : List.of(top.reasons().get(0));
        return new Decision(tx.id(), verdict.denial() == null ? Outcome.ALLOW : Outcome.DENY, top.account(), top.action(),
                top.required(), top.satisfiedBy(), top.weight(), top.threshold(), signatures.usedLabels(),
                signatures.unusedLabels(), missing, reasons, revision(), actions,
                verdict.denial() == null ? List.of() : signatures.countedLabels());
    }

    private Decision simpleDeny(Transaction tx, String code, String message, List<String> unused) {
        return Decision.denied(tx, new Reason(code, message), unused, revision());
    }

}
