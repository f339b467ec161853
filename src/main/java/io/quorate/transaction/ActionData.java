package io.quorate.transaction;

import io.quorate.assets.Amount;
import io.quorate.diag.SourceLocation;

/**
 * What an action does, as the chain names it, read from the transaction's {@code data} or from the
 * native transaction: who pays ({@code from}), who receives ({@code to}; a Casper transfer's
 * {@code target}), the exact {@code amount} and the {@code memo}. A field the action does not carry
 * is null. {@code at} is where the data is written, {@code amountAt} where its amount is.
 */
public record ActionData(String from, String to, Amount amount, String memo, SourceLocation at, SourceLocation amountAt) {

    public ActionData(String from, String to, Amount amount, String memo) {
        this(from, to, amount, memo, null, null);
    }
}
