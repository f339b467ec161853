package io.quorate.lint;

import io.quorate.lint.facts.SuppressionFact;
import io.quorate.policy.Suppression;
import io.quorate.yaml.Suggest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Applies the policy's suppressions to findings. A suppression covers findings of its check about
 * what it is written on (the whole account, or one authority, role or descriptor). An expired one
 * covers nothing: the {@code expired-suppression} check reports it and its findings stay.
 */
final class Suppressions {

    private Suppressions() {
    }

    /** One fact per suppression, for the {@code unknown-suppression} and {@code expired-suppression} checks. */
    static List<SuppressionFact> facts(List<Suppression> suppressions, Map<String, CheckInfo> checks, LocalDate today) {
        List<SuppressionFact> out = new ArrayList<>();
        for (Suppression s : suppressions) {
            out.add(new SuppressionFact(s.account(), s.authority(), s.check(), s.reason(),
                    s.expires() == null ? null : s.expires().toString(), checks.containsKey(s.check()),
                    checks.containsKey(s.check()) ? null : Suggest.closest(s.check(), checks.keySet()), s.expiredOn(today), s.at()));
        }
        return out;
    }

    static List<Finding> apply(List<Finding> findings, List<Suppression> suppressions, LocalDate today) {
        List<Finding> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            Suppression by = null;
            for (Suppression s : suppressions) {
                if (s.check().equals(f.id()) && !s.expiredOn(today) && s.covers(f.account(), f.authority())) {
                    by = s;
                    break;
                }
            }
            out.add(by == null ? f : f.suppress(by.reason()));
        }
        return out;
    }
}
