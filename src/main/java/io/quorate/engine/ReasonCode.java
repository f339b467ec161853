package io.quorate.engine;

/** The stable reason codes of decisions. Users match on these strings: never rename one. */
public final class ReasonCode {
    private ReasonCode() {
    }

    /** Allowed: the required authority (or one that satisfies it) reached its threshold. */
    public static final String AUTHORIZED = "authorized";
    public static final String UNSATISFIED_AUTHORITY = "unsatisfied-authority";
    public static final String IRRELEVANT_SIGNATURE = "irrelevant-signature";
    public static final String DUPLICATE_SIGNATURE = "duplicate-signature";
    /** A real signature that is malformed, not canonical, or not made over the transaction's digest. */
    public static final String INVALID_SIGNATURE = "invalid-signature";
    public static final String IRRELEVANT_AUTHORIZATION = "irrelevant-authorization";
    public static final String UNKNOWN_ACCOUNT = "unknown-account";
    public static final String UNKNOWN_ACTION = "unknown-action";
    /** The declared (EOS), referenced or linked authority does not exist in the policy. */
    public static final String UNKNOWN_AUTHORITY = "unknown-authority";
    /** Casper 1.x: a signer that is not an associated key; 2.0: no signer is associated. */
    public static final String UNKNOWN_SIGNER = "unknown-signer";
    /** A signature that is neither a key name nor a public key of the account's chain. */
    public static final String UNKNOWN_KEY = "unknown-key";
    public static final String MISSING_FLAGS = "missing-flags";
    public static final String DESCRIPTOR_EXPIRED = "descriptor-expired";
    public static final String DESCRIPTOR_NOT_YET_VALID = "descriptor-not-yet-valid";
    public static final String UNKNOWN_DESCRIPTOR = "unknown-descriptor";
    public static final String COMBINED_POSTING_AUTHORITY = "combined-posting-authority";
    /** Generic: the authority's validity window does not contain the transaction's time. */
    public static final String AUTHORITY_NOT_VALID = "authority-not-valid";
    public static final String NO_SIGNATURES = "no-signatures";
    public static final String TOO_MANY_SIGNATURES = "too-many-signatures";
    /** A transaction mixing accounts of different chains, or with no action. */
    public static final String MALFORMED_TRANSACTION = "malformed-transaction";
    /** The decision needed more work than its limits allow (nested evaluations, or the caller's deadline). */
    public static final String EVALUATION_LIMIT = "evaluation-limit";
    /** An organisation condition denies the transaction (or none matched and its default is deny). */
    public static final String CONDITION_DENIED = io.quorate.conditions.ConditionsOutcome.CONDITION_DENIED;
    /** An organisation condition requires approvals the transaction does not have. */
    public static final String APPROVAL_REQUIRED = io.quorate.conditions.ConditionsOutcome.APPROVAL_REQUIRED;
    /** An organisation condition needs data the transaction does not carry: it denies (fail closed). */
    public static final String MISSING_DATA = io.quorate.conditions.ConditionsOutcome.MISSING_DATA;
    /** Anything that went wrong while deciding: the decision fails closed. */
    public static final String INTERNAL_ERROR = "internal-error";
}
