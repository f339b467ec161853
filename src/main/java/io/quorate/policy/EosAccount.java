package io.quorate.policy;

import io.quorate.diag.SourceLocation;
import java.util.Map;

/**
 * An Antelope account: named permissions forming a tree under {@code owner}, and links from
 * {@code contract::action} (or {@code contract::*}) to the minimum permission they need.
 */
public record EosAccount(
        String name,
        int maxAuthorityDepth,
        Map<String, Authority> permissions,
        Map<String, String> links,
        Requirements requirements,
        SourceLocation at) implements Account {

    public static final int DEFAULT_MAX_AUTHORITY_DEPTH = 6;

    public EosAccount {
        permissions = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(permissions));
        links = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(links));
    }

    @Override
    public Chain chain() {
        return Chain.EOS;
    }
}
