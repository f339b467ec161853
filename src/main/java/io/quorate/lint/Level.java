package io.quorate.lint;

import io.quorate.diag.Severity;
import java.util.Locale;

/** A check's level as a user sets it with {@code --level ID=LEVEL}: a severity, or off. */
public enum Level {
    ERROR, WARNING, INFO, OFF;

    /** The severity of findings at this level; null for off. */
    public Severity severity() {
        return this == OFF ? null : Severity.valueOf(name());
    }

    /** The level written {@code text} (error, warning, info or off), or null. */
    public static Level parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
