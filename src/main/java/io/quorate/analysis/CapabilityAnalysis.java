package io.quorate.analysis;

import io.quorate.policy.KeyRef;
import java.util.List;

/**
 * What it takes to do one kind of thing with an account: {@code funds}, {@code keys},
 * {@code posting} (Hive), {@code upgrade} (Casper 2) or a generic action. {@code grantedBy} names
 * the account's authorities whose satisfaction grants it; the formula is satisfied when any is.
 * {@code outside} names the references outside the policy set the figures count as nothing.
 */
public record CapabilityAnalysis(
        String account,
        String capability,
        List<String> grantedBy,
        Formula formula,
        List<KeyRef> keys,
        Figures figures,
        List<String> outside) {

    public CapabilityAnalysis {
        grantedBy = List.copyOf(grantedBy);
        keys = List.copyOf(keys);
        outside = List.copyOf(outside);
    }
}
