package io.quorate.testing;

/** One field where a case's outcome differs from what it expects: the field, the expected and the actual value as text. */
public record FieldDiff(String field, String expected, String actual) {
}
