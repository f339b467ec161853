package io.quorate.policy;

import io.quorate.diag.SourceLocation;

/** EOS: weight granted once the transaction has been delayed by at least {@code seconds}. */
public record WaitWeight(long seconds, int weight, SourceLocation at) {
}
