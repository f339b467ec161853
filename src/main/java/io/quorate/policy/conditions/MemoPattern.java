package io.quorate.policy.conditions;

import io.quorate.diag.SourceLocation;
import java.util.regex.Pattern;

/** {@code memo: {matches: REGEX}}: the whole memo must match, as Java's {@code String.matches} and DRL's {@code matches} read it. */
public record MemoPattern(String regex, Pattern pattern, SourceLocation at) {

    public boolean holds(String memo) {
        return memo != null && pattern.matcher(memo).matches();
    }
}
