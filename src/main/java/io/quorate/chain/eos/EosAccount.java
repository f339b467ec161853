package io.quorate.chain.eos;

import io.quorate.diag.SourceLocation;
import io.quorate.policy.Account;
import io.quorate.policy.Authority;
import io.quorate.policy.Chain;
import io.quorate.policy.KeyRef;
import io.quorate.policy.PolicyKeys;
import io.quorate.policy.Requirements;
import java.util.List;
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
        SourceLocation at,
        Map<String, SourceLocation> linkAt) implements Account {

    public static final int DEFAULT_MAX_AUTHORITY_DEPTH = 6;

    /** An account whose links are reported where the account is (built, not read from a file). */
    public EosAccount(String name, int maxAuthorityDepth, Map<String, Authority> permissions, Map<String, String> links,
                      Requirements requirements, SourceLocation at) {
        this(name, maxAuthorityDepth, permissions, links, requirements, at, Map.of());
    }

    public EosAccount {
        permissions = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(permissions));
        links = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(links));
        linkAt = linkAt == null ? Map.of() : Map.copyOf(linkAt);
    }

    /** Where the link for {@code action} is written, or the account's place when it was not read from a file. */
    public SourceLocation linkAt(String action) {
        return linkAt.getOrDefault(action, at);
    }

    @Override
    public Chain chain() {
        return Chain.EOS;
    }

    @Override
    public List<KeyRef> keyRefs() {
        return PolicyKeys.of(permissions.values());
    }

    @Override
    public List<String> referencedAccounts() {
        return PolicyKeys.referencedAccounts(permissions.values());
    }
}
