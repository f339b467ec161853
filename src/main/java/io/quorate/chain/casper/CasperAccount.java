package io.quorate.chain.casper;

import io.quorate.diag.SourceLocation;
import io.quorate.keys.KeyId;
import io.quorate.policy.Account;
import io.quorate.policy.Chain;
import io.quorate.policy.KeyRef;
import io.quorate.policy.KeyWeight;
import io.quorate.policy.Requirements;
import java.util.List;

/**
 * A Casper account: associated keys (identified by account hash) with u8 weights, and action
 * thresholds. {@code upgradeManagement} exists from Casper 2.0 on.
 */
public record CasperAccount(
        String name,
        int version,
        List<KeyWeight> keys,
        int deployment,
        int keyManagement,
        int upgradeManagement,
        KeyId accountHash,
        Requirements requirements,
        SourceLocation at,
        SourceLocation thresholdsAt) implements Account {

    public static final int DEFAULT_VERSION = 2;

    public CasperAccount {
        keys = List.copyOf(keys);
    }

    @Override
    public Chain chain() {
        return Chain.CASPER;
    }

    /** The threshold an action needs, or -1 when the action is not one Casper knows. */
    public int threshold(String action) {
        return switch (action) {
            case "deploy", "deployment" -> deployment;
            case "key_management" -> keyManagement;
            case "upgrade_management" -> version >= 2 ? upgradeManagement : -1;
            default -> -1;
        };
    }

    @Override
    public List<KeyRef> keyRefs() {
        return keys.stream().map(k -> k.key()).toList();
    }
}
