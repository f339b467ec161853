package io.quorate.conditions;

import java.util.List;

/**
 * What the organisation's conditions concluded about a transaction: the rules that matched (under
 * first-match the one that decided, under deny-overrides every one whose {@code when} held),
 * the outcome ({@code allow}, {@code deny} or {@code require}), the approvals required (null when
 * none) and those still missing, and, when the conditions deny, the reason's code and message
 * (null when they allow). {@code action} is the index of the transaction's action they concern
 * when they deny, else -1.
 */
public record ConditionsOutcome(List<String> matched, String outcome, String required, List<String> missing, String code,
        String message, int action) {

    /** A rule denied the action (or no rule matched and the default is deny). */
    public static final String CONDITION_DENIED = "condition-denied";
    /** A rule requires approvals the transaction does not have. */
    public static final String APPROVAL_REQUIRED = "approval-required";
    /** A rule whose action matches needs data the transaction does not carry: it denies (fail closed). */
    public static final String MISSING_DATA = "missing-data";
    /** The data the transaction carries is not as its chain writes it (an amount in the wrong precision). */
    public static final String MALFORMED_TRANSACTION = "malformed-transaction";
    /** An {@code approved_by} entry that is neither a key name nor a public key of the chain. */
    public static final String UNKNOWN_KEY = "unknown-key";

    public ConditionsOutcome {
        matched = List.copyOf(matched);
        missing = List.copyOf(missing);
    }

    public ConditionsOutcome(List<String> matched, String outcome, String required, List<String> missing, String code, String message) {
        this(matched, outcome, required, missing, code, message, -1);
    }

    /** This outcome, about the transaction's action {@code index}. */
    public ConditionsOutcome about(int index) {
        return new ConditionsOutcome(matched, outcome, required, missing, code, message, index);
    }

    public boolean allowed() {
        return code == null;
    }
}
