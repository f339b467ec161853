package io.quorate.lint.facts;

import io.quorate.diag.SourceLocation;

/**
 * What an account can do (manage its keys, move its funds, post, upgrade, a generic action)
 * over every path that grants it. {@code mustSurvive} is how many lost keys it must survive: the
 * file's {@code requirements.survive_key_loss}, else 1.
 * {@code outside} names the references outside the policy set its figures count as nothing (empty when none).
 */
public record CapabilityFact(
        String account,
        String capability,
        String grantedBy,
        int minSigners,
        int maxKeyLoss,
        boolean exact,
        int mustSurvive,
        String outside,
        SourceLocation at) implements Subject {

    @Override
    public String authority() {
        return capability;
    }

    @Override
    public String subject() {
        return "capability `" + capability + "`";
    }
}
