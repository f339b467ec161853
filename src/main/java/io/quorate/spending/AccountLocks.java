package io.quorate.spending;

import java.util.concurrent.locks.ReentrantLock;

/**
 * One lock per account, striped: a fixed number of locks, an account's by its name's hash, so
 * memory stays bounded however many accounts callers name. Two accounts on one stripe wait for
 * each other, which costs time, never correctness.
 */
final class AccountLocks {

    private static final int STRIPES = 1024;
    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

    AccountLocks() {
        for (int i = 0; i < STRIPES; i++) locks[i] = new ReentrantLock();
    }

    ReentrantLock of(String account) {
        int h = account.hashCode();
        h ^= h >>> 16;
        return locks[h & (STRIPES - 1)];
    }
}
