package io.quorate.format;

/** How a chain orders the entries of a list: the order its own tools write and its checker visits. */
public sealed interface EntryOrder {

    /** By the bytes of the key in {@code field} of each entry (null: the entry is the key itself). */
    record ByKey(String field) implements EntryOrder {
    }

    /** By the account name in {@code field} ({@code actor@permission}: by actor, then permission). */
    record ByName(String field) implements EntryOrder {
    }

    /** By the number in {@code field} (EOS waits by their seconds). */
    record ByNumber(String field) implements EntryOrder {
    }
}
