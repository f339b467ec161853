package io.quorate.stream;

/**
 * What a decision may take from a record's word ({@code docs/streams.md}). A record claims
 * approvals ({@code approvals}, EOS permissions already satisfied, and {@code approved_by},
 * approvals given off chain) and what its account already spent ({@code context.spent}); anyone
 * who can write the input topic could authorize a transfer or pass a limit that way. So by
 * default ({@link #NONE}) a record that claims approvals goes to the dead letters with
 * {@code untrusted-approvals}, and {@code context.spent} is not read: a {@code spent} rule denies
 * with {@code missing-data}. Trust them only when every producer of the input topic checks them
 * itself (a service that keeps the spending, say) and the topic's ACLs let no one else write.
 */
public record StreamTrust(boolean approvals, boolean contextSpent) {

    /** Nothing taken on a record's word: the default. */
    public static final StreamTrust NONE = new StreamTrust(false, false);
}
