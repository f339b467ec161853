package io.quorate.lint;

import io.quorate.diag.Severity;
import io.quorate.diag.SourceLocation;
import io.quorate.lint.facts.Subject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Collects what the check rules report, as the {@code findings} global of their session: the
 * rule's name is the check's id, which gives its metadata; the user's level replaces the default
 * severity, and a check set to off reports nothing.
 */
public final class Findings {

    private final Map<String, CheckInfo> checks;
    private final Map<String, Level> levels;
    private final List<Finding> found = new ArrayList<>();

    Findings(Map<String, CheckInfo> checks, Map<String, Level> levels) {
        this.checks = checks;
        this.levels = levels;
    }

    /** Called by a rule's consequence: {@code check} found {@code message} about {@code subject}. */
    /** A finding about one part of the subject, written at {@code at} (a threshold, a link). */
    public void reportAt(String check, Subject subject, SourceLocation at, String message) {
        report(check, subject, at == null ? subject.at() : at, message);
    }

    public void report(String check, Subject subject, String message) {
        report(check, subject, subject.at(), message);
    }

    private void report(String check, Subject subject, SourceLocation at, String message) {
        CheckInfo info = checks.get(check);
        if (info == null) throw new IllegalStateException("rule `" + check + "` is not a registered check");
        Level level = levels.get(check);
        Severity severity = level == null ? info.severity() : level.severity();
        if (severity == null) return;
        String context = "account `" + subject.account() + "`";
        if (subject.subject() != null) context += ": " + subject.subject();
        found.add(new Finding(check, severity, info.category(), subject.account(), subject.authority(),
                context + ": " + message, info.help(), at, false, null));
    }

    List<Finding> all() {
        return found;
    }
}
