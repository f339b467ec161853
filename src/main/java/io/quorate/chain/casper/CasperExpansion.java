package io.quorate.chain.casper;

import io.quorate.analysis.Expanded;
import io.quorate.analysis.Formula;
import io.quorate.analysis.KeyTable;
import io.quorate.keys.KeyId;
import io.quorate.policy.KeyWeight;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Casper action thresholds over the associated keys (u8 weights, each key counted once; the
 * saturating sum cannot change a comparison with a u8 threshold). Every deploy, key management and
 * upgrades included, must first reach {@code deployment}, so those need the larger of the two.
 * A deploy has at least one approval by an associated key, whatever the thresholds.
 */
final class CasperExpansion {

    private final KeyTable keys;

    CasperExpansion(KeyTable keys) {
        this.keys = keys;
    }

    Expanded expand(CasperAccount account) {
        List<Expanded.Authority> authorities = new ArrayList<>();
        authorities.add(threshold(account, "deployment", account.deployment()));
        authorities.add(threshold(account, "key_management", Math.max(account.deployment(), account.keyManagement())));
        if (account.version() >= 2) {
            authorities.add(threshold(account, "upgrade_management", Math.max(account.deployment(), account.upgradeManagement())));
        }
        List<Expanded.Capability> capabilities = new ArrayList<>();
        capabilities.add(new Expanded.Capability("funds", List.of("deployment"), authorities.get(0).formula()));
        capabilities.add(new Expanded.Capability("keys", List.of("key_management"), authorities.get(1).formula()));
        if (account.version() >= 2) {
            capabilities.add(new Expanded.Capability("upgrade", List.of("upgrade_management"), authorities.get(2).formula()));
        }
        return new Expanded(authorities, capabilities);
    }

    private Expanded.Authority threshold(CasperAccount account, String name, int threshold) {
        List<Formula.Part> parts = new ArrayList<>();
        Set<KeyId> seen = new HashSet<>();
        for (KeyWeight k : account.keys()) {
            if (seen.add(k.key().id())) parts.add(new Formula.Part(new Formula.Key(keys.index(k.key())), k.weight()));
        }
        var at = account.thresholdsAt() != null ? account.thresholdsAt() : account.at();
        // A deploy carries at least one approval by an associated key, so a threshold of 0 still takes one key.
        Formula formula = threshold > 0 ? new Formula.Threshold(threshold, parts)
                : new Formula.Threshold(1, parts.stream().map(p -> new Formula.Part(p.formula(), 1)).toList());
        return new Expanded.Authority(name, "threshold", formula, false, at);
    }
}
