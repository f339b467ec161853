package io.quorate.stream;

/**
 * What a decision may take from a record's word ({@code docs/streams.md}). A record claims
 * approvals ({@code approvals}, EOS permissions already satisfied, and {@code approved_by},
 * approvals given off chain), the time it is decided at ({@code context.time}) and what its
 * account already spent ({@code context.spent}); anyone who can write the input topic could
 * authorize a transfer, revive an authority past its validity window, pick the hour an
 * organisation's time window sees, or pass a limit that way. So by default ({@link #NONE}):
 * <ul>
 * <li>a record that claims approvals goes to the dead letters with {@code untrusted-approvals};
 * <li>every record is decided at the stream processor's own clock
 * ({@code ProcessorContext.currentSystemTimeMs()}, the wall-clock time Kafka Streams reads before
 * each batch of a task's records), as {@code quorate serve} decides at the server's clock, and
 * its {@code context.time} is replaced by it. Not the record's timestamp: under the topic's
 * default {@code CreateTime} the producer sets that as freely as {@code context.time}, and
 * whatever sets it, a record read again later (consumer lag, a replay from an earlier offset, a
 * decision aborted and made again) would carry a time from before the authority expired. Nor
 * stream time, the highest record timestamp seen so far: producers set it too;
 * <li>{@code context.spent} is not read: a {@code spent} rule denies with {@code missing-data}.
 * </ul>
 * The chain's own context ({@code block_height}, {@code block_time}, {@code op_count},
 * {@code delay_sec}, which FT4 descriptor rules and EOS delays read) describes a chain the stream
 * cannot observe and is taken as sent, as {@code serve} does. Trust a claim only when every
 * producer of the input topic checks it itself (a service that gathers the approvals, keeps the
 * spending, or stamps the time it was asked at) and the topic's ACLs let no one else write.
 */
public record StreamTrust(boolean approvals, boolean contextTime, boolean contextSpent) {

    /** Nothing taken on a record's word: the default. */
    public static final StreamTrust NONE = new StreamTrust(false, false, false);
}
