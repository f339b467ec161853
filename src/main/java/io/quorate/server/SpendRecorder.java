package io.quorate.server;

import io.quorate.assets.Amount;
import io.quorate.engine.Decision;
import io.quorate.engine.Reason;
import io.quorate.engine.ReasonCode;
import io.quorate.spending.Quantity;
import io.quorate.spending.Spend;
import io.quorate.spending.SpendConflictException;
import io.quorate.spending.SpendingLimits;
import io.quorate.spending.SpendingStore;
import io.quorate.spending.SpendingUnavailableException;
import io.quorate.transaction.ActionData;
import io.quorate.transaction.ActionRequest;
import io.quorate.transaction.Transaction;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code POST /v1/authorize} with {@code record: true}: decides and records what the transaction
 * spends in one step, holding its account ({@link SpendingLimits#decideAndRecord}), so parallel
 * requests can never together pass a limit each passes alone. Every action that moves an amount
 * is a spend of its account, dated at the server's clock, under the id
 * {@code <transaction_id>#<action index>}; they are recorded only when the decision allows. A
 * retry with the same id decides as the first request did and records nothing twice.
 */
final class SpendRecorder {

    /** The longest {@code transaction_id}: spend ids are at most 256 characters with {@code #} and the index. */
    static final int MAX_ID = 200;

    /** One spend of the transaction, and whether this request recorded it (false: a retry found it recorded). */
    record Recorded(Spend spend, boolean created) {
        String amount() {
            return new Quantity(spend.amount(), spend.asset()).toString();
        }
    }

    /** The decision, and the spends it recorded (none when it denies). */
    record Outcome(Decision decision, List<Recorded> recorded) {
    }

    private final SpendingLimits limits;
    private final Clock clock;

    SpendRecorder(SpendingLimits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    /** Checks a client's {@code transaction_id}: the message of what is wrong with it, or null. */
    static String problem(String id) {
        if (id.isEmpty()) return "`transaction_id` is empty";
        if (id.length() > MAX_ID) return "`transaction_id` is longer than " + MAX_ID + " characters";
        for (int i = 0; i < id.length(); i++) {
            if (Character.isISOControl(id.charAt(i))) return "`transaction_id` has a control character";
        }
        return null;
    }

    /**
     * What recording {@code tx} under {@code transactionId} would write: its spends and their one
     * account (null when it moves no amount). Checked before anything is decided or recorded.
     */
    record Planned(Transaction tx, String transactionId, List<Spend> spends, String account) {
    }

    /** The store spends are recorded in; 501 {@code spending-disabled} without {@code --spending-db}. */
    SpendingStore store() {
        return limits.store().orElseThrow(() -> ApiError.of(501, ErrorCode.SPENDING_DISABLED,
                "`record: true` needs the spending the server keeps: start it with `--spending-db PATH`").failure());
    }

    /**
     * Decides {@code tx} and records its spends under {@code transactionId}. A failing store denies
     * (fail closed); an id already recorded with another amount is a 409 {@code spend-conflict}.
     */
    Outcome decideAndRecord(ServingPolicy serving, Transaction tx, String transactionId) {
        return decideAndRecord(serving, plan(serving, tx, transactionId));
    }

    /**
     * The spends of {@code tx} under {@code transactionId}, dated now: 422 {@code record-several-accounts}
     * when they move amounts of more than one account, 422 {@code undecidable-transaction} when an
     * amount cannot be a spend.
     */
    Planned plan(ServingPolicy serving, Transaction tx, String transactionId) {
        store();
        Transaction named = serving.prepared().named(tx);
        Instant now = clock.instant();
        List<Spend> spends = new ArrayList<>();
        Set<String> accounts = new LinkedHashSet<>();
        for (int i = 0; i < named.actions().size(); i++) {
            ActionRequest a = named.actions().get(i);
            ActionData data = a.data();
            Amount amount = data == null ? null : data.amount();
            if (amount == null || amount.value().signum() <= 0) continue;
            try {
                spends.add(new Spend(a.account(), amount.asset(), amount.value(), now, transactionId + "#" + i));
            } catch (IllegalArgumentException e) {
                throw ApiError.of(422, ErrorCode.UNDECIDABLE_TRANSACTION, "action " + i + " cannot be recorded as a spend: "
                        + e.getMessage()).failure();
            }
            accounts.add(a.account());
        }
        if (accounts.size() > 1) {
            throw ApiError.of(422, ErrorCode.RECORD_SEVERAL_ACCOUNTS, "`record: true` takes a transaction whose amounts move from"
                    + " one account; this one moves amounts of `" + String.join("`, `", accounts) + "`: send one transaction per account")
                    .failure();
        }
        return new Planned(tx, transactionId, List.copyOf(spends), accounts.isEmpty() ? null : accounts.iterator().next());
    }

    /** Decides a planned recording and records its spends when the decision allows, holding the account. */
    Outcome decideAndRecord(ServingPolicy serving, Planned plan) {
        SpendingStore store = store();
        Transaction tx = plan.tx();
        String transactionId = plan.transactionId();
        List<Spend> spends = plan.spends();
        if (plan.account() == null) {
            return new Outcome(Decider.decision(serving, tx, ServedSpending.of(limits)), List.of());
        }
        String account = plan.account();
        List<Boolean> created = new ArrayList<>();
        boolean[] decided = {false};
        Decision d;
        try {
            d = limits.decideAndRecord(account, spends, lookup -> {
                created.clear();
                for (Spend s : spends) created.add(store.find(account, s.id()).isEmpty());
                decided[0] = true;
                return Decider.decision(serving, tx, ServedSpending.of(lookup));
            }, Decision::allowed);
        } catch (SpendConflictException e) {
            throw ApiError.of(409, ErrorCode.SPEND_CONFLICT, "`transaction_id` `" + transactionId + "` was used for another transaction: "
                    + e.getMessage()).failure();
        } catch (SpendingUnavailableException e) {
            Reason reason = decided[0]
                    ? new Reason(ReasonCode.INTERNAL_ERROR, "the spends of account `" + account + "` could not be recorded, so the"
                            + " decision is denied: " + e.getMessage())
                    : new Reason(ReasonCode.MISSING_DATA, "the spending of account `" + account + "` cannot be read, so the decision"
                            + " is denied: " + e.getMessage());
            return new Outcome(Decision.denied(tx, reason, List.of(), serving.revision()), List.of());
        }
        if (!d.allowed()) return new Outcome(d, List.of());
        List<Recorded> recorded = new ArrayList<>();
        for (int i = 0; i < spends.size(); i++) recorded.add(new Recorded(spends.get(i), created.get(i)));
        return new Outcome(d, recorded);
    }
}
