package io.quorate.lint;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * How to lint: levels that replace checks' default severities (by check id; {@link Level#OFF}
 * drops the check's findings), and the day suppressions' {@code expires} dates and FT4
 * {@code block_time} rules are judged against (UTC).
 */
public record LintOptions(Map<String, Level> levels, LocalDate today) {

    public LintOptions {
        levels = Map.copyOf(levels);
    }

    public static LintOptions defaults() {
        return new LintOptions(Map.of(), LocalDate.now(ZoneOffset.UTC));
    }

    public LintOptions withToday(LocalDate day) {
        return new LintOptions(levels, day);
    }
}
