package io.quorate.chain.hive;

import io.quorate.diag.SourceLocation;
import io.quorate.policy.Account;
import io.quorate.policy.Authority;
import io.quorate.policy.Chain;
import io.quorate.policy.KeyRef;
import io.quorate.policy.PolicyKeys;
import io.quorate.policy.Requirements;
import java.util.Arrays;
import java.util.List;

/** A Hive account: owner, active and posting roles (a role left out of the policy is null). */
public record HiveAccount(
        String name,
        int hardfork,
        Authority owner,
        Authority active,
        Authority posting,
        Requirements requirements,
        SourceLocation at) implements Account {

    public static final int DEFAULT_HARDFORK = 28;

    @Override
    public Chain chain() {
        return Chain.HIVE;
    }

    public Authority role(String role) {
        return switch (role) {
            case "owner" -> owner;
            case "active" -> active;
            case "posting" -> posting;
            default -> null;
        };
    }

    @Override
    public List<KeyRef> keyRefs() {
        return PolicyKeys.of(Arrays.asList(owner, active, posting));
    }

    @Override
    public List<String> referencedAccounts() {
        return PolicyKeys.referencedAccounts(Arrays.asList(owner, active, posting));
    }
}
