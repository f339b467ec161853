package io.quorate.yaml;

import io.quorate.diag.SourceLocation;
import java.math.BigInteger;

/**
 * A scalar: its text as written (without quotes), whether it was quoted, and what YAML made of it.
 * {@code integer} is the value of an {@link Kind#INT} scalar (YAML also writes {@code 0x1F} and
 * {@code 1_000}), null for every other kind.
 */
public record YamlScalar(String text, boolean quoted, Kind kind, BigInteger integer, SourceLocation at)
        implements YamlNode {

    public enum Kind { NULL, BOOL, INT, FLOAT, STRING }

    public boolean isNull() {
        return kind == Kind.NULL;
    }

    @Override
    public String describe() {
        return switch (kind) {
            case NULL -> "nothing";
            case STRING -> "`" + text + "`";
            case BOOL -> "the boolean `" + text + "`";
            case INT, FLOAT -> "the number `" + text + "`";
        };
    }
}
