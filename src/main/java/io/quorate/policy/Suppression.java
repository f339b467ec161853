package io.quorate.policy;

import io.quorate.diag.SourceLocation;
import java.time.LocalDate;

/**
 * A lint finding the policy's author has accepted, written next to what it is about:
 * {@code check} is the lint check's id, {@code reason} why the finding is accepted (mandatory),
 * {@code expires} the last day it applies (null: no end). {@code authority} names the authority,
 * role or descriptor it is written on; null when it is written on the account and covers all of
 * the account's findings.
 */
public record Suppression(String check, String reason, LocalDate expires, String account, String authority, SourceLocation at) {

    /** Whether this suppression covers a finding about {@code account} and {@code authority} (which may be null). */
    public boolean covers(String findingAccount, String findingAuthority) {
        if (!account.equals(findingAccount)) return false;
        return authority == null || authority.equals(findingAuthority);
    }

    /** Expired when its last day is before {@code today}. */
    public boolean expiredOn(LocalDate today) {
        return expires != null && expires.isBefore(today);
    }
}
