package io.quorate.policy;

import io.quorate.diag.SourceLocation;

/**
 * A weighted reference to another account's authority. {@code authority} is null where the chain
 * picks it (Hive: the role follows the phase).
 */
public record AccountWeight(String account, String authority, int weight, SourceLocation at) {

    public String label() {
        return authority == null ? account : account + "@" + authority;
    }
}
