package io.quorate.engine;

import io.quorate.transaction.Transaction;

/** Decides candidate transactions against a loaded policy set. Implementations are thread-safe. */
public interface Authorizer {

    Decision authorize(Transaction transaction);
}
