package io.quorate.lint;

import io.quorate.diag.Severity;
import io.quorate.diag.SourceLocation;

/**
 * One thing a check found: which check, how severe (the check's level unless the user changed
 * it), the account and authority concerned (authority may be null), a message for people, advice,
 * where in the policy it is, and whether a suppression with a written reason covers it.
 */
public record Finding(
        String id,
        Severity severity,
        String category,
        String account,
        String authority,
        String message,
        String help,
        SourceLocation at,
        boolean suppressed,
        String suppressionReason) {

    public Finding suppress(String reason) {
        return new Finding(id, severity, category, account, authority, message, help, at, true, reason);
    }
}
