package io.quorate.analysis;

import io.quorate.diag.SourceLocation;
import io.quorate.policy.Chain;
import io.quorate.policy.KeyRef;
import java.util.List;

/**
 * One EOS permission, Hive role, Casper threshold, FT4 descriptor or generic authority, expanded
 * with its chain's rules. {@code kind} is permission, role, threshold, descriptor or authority;
 * {@code keys} are the distinct keys of the formula in first-seen order ({@link Formula.Key}
 * indexes them); {@code waitOnly} (EOS) is true when it could be satisfied only if waits counted;
 * {@code outside} names the references outside the policy set the figures count as nothing.
 */
public record AuthorityAnalysis(
        String account,
        String authority,
        Chain chain,
        String kind,
        Formula formula,
        List<KeyRef> keys,
        Figures figures,
        boolean waitOnly,
        List<String> outside,
        SourceLocation at) {

    public AuthorityAnalysis {
        keys = List.copyOf(keys);
        outside = List.copyOf(outside);
    }

    public String label() {
        return account + "@" + authority;
    }
}
