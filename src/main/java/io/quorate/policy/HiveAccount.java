package io.quorate.policy;

import io.quorate.diag.SourceLocation;

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
}
