package io.quorate.format;

import io.quorate.policy.Chain;
import java.util.List;
import java.util.Map;

/**
 * How one chain's accounts are written in canonical form: the fields of an account in the order
 * the formats page writes them, what each holds, and how the chain sorts authority entries.
 * Registered in {@code META-INF/services/io.quorate.format.ChainFormat}.
 */
public interface ChainFormat {

    Chain chain();

    /** The account mapping, after its {@code chain} and {@code options} fields. */
    Shape.Fields account();

    /** The shapes of this chain's change plan step fields that hold authorities, descriptors or keys. */
    default Map<String, Shape> stepFields() {
        return Map.of();
    }

    /** The fields of change plan operation {@code op} in canonical order, or null to keep the order its steps declare. */
    default List<String> stepOrder(String op) {
        return null;
    }

    /**
     * {@code text} written as the chain writes keys today, when it is a public key of this chain
     * in an older form (EOS legacy {@code EOS…} becomes {@code PUB_K1_…}); null otherwise.
     */
    default String currentKeyForm(String text) {
        return null;
    }

    /** An authority: its fields in the formats page's order, entries sorted as given (null keeps the written order). */
    static Shape.Fields authority(List<String> fields, String accountField, EntryOrder keys, EntryOrder accounts, EntryOrder waits) {
        return new Shape.Fields(fields, Map.of(), null)
                .with("keys", new Shape.ListOf(Shape.Fields.of("key", "weight").with("key", Shape.KEY), keys))
                .with("accounts", new Shape.ListOf(Shape.Fields.of(accountField, "weight"), accounts))
                .with("waits", new Shape.ListOf(Shape.Fields.of("seconds", "weight"), waits))
                .with("valid", Shape.Fields.of("from", "until"));
    }
}
