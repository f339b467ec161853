package io.quorate.policy;

import io.quorate.diag.SourceLocation;

/** An entry of a file's {@code keys:} section. {@code text} is the key as written; holder may be null. */
public record NamedKey(String name, String text, String holder, SourceLocation at) {
}
