package io.quorate.chain.generic;

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
 * Any weighted-threshold scheme: named authorities (with optional parent and validity window)
 * and a map from action name to the authority it needs ({@code "*"} for every other action).
 */
public record GenericAccount(
        String name,
        Map<String, Authority> authorities,
        Map<String, String> actions,
        int maxDepth,
        Requirements requirements,
        SourceLocation at) implements Account {

    public static final int DEFAULT_MAX_DEPTH = 8;

    public GenericAccount {
        authorities = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(authorities));
        actions = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(actions));
    }

    @Override
    public Chain chain() {
        return Chain.GENERIC;
    }

    @Override
    public List<KeyRef> keyRefs() {
        return PolicyKeys.of(authorities.values());
    }

    @Override
    public List<String> referencedAccounts() {
        return PolicyKeys.referencedAccounts(authorities.values());
    }
}
