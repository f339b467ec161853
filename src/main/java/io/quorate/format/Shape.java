package io.quorate.format;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the formatter knows of a place in a file: the order of a mapping's fields, the order of a
 * list's entries, where keys are written. A place it knows nothing of is left in the author's order.
 */
public sealed interface Shape {

    /**
     * A mapping whose fields are written in {@code order} (fields it does not list follow, in the
     * author's order), with the shapes of some fields' values; {@code whenScalar} applies when the
     * value is written as a scalar instead (a key given alone rather than as {@code {key, holder}}).
     */
    record Fields(List<String> order, Map<String, Shape> children, Shape whenScalar) implements Shape {

        public Fields {
            order = List.copyOf(order);
            children = Map.copyOf(children);
        }

        public static Fields of(String... order) {
            return new Fields(Arrays.asList(order), Map.of(), null);
        }

        public Fields with(String field, Shape child) {
            Map<String, Shape> more = new LinkedHashMap<>(children);
            more.put(field, child);
            return new Fields(order, more, whenScalar);
        }

        /** The same fields, after {@code more} (used to put a chain's fields after the shared ones). */
        public Fields then(List<String> more) {
            List<String> all = new java.util.ArrayList<>(order);
            for (String f : more) {
                if (!all.contains(f)) all.add(f);
            }
            return new Fields(all, children, whenScalar);
        }

        public Fields orScalar(Shape scalar) {
            return new Fields(order, children, scalar);
        }
    }

    /** A mapping whose keys are the author's names (accounts, permissions): each value has {@code value}'s shape. */
    record MapOf(Shape value) implements Shape {
    }

    /** A list; its entries sorted by {@code order} when it is not null (as the chain sorts them), else kept in order. */
    record ListOf(Shape item, EntryOrder order) implements Shape {
    }

    /** A key: a key name or a public key, which {@code --keys canonical} writes in the chain's current form. */
    record Key() implements Shape {
    }

    /** An account: the shape its chain registers, chosen by its {@code chain:} field. */
    record Account() implements Shape {
    }

    /** A change plan step: the shape of its operation, chosen by its {@code op:} field. */
    record Step() implements Shape {
    }

    /** A condition's requirement, which may hold requirements ({@code all}, {@code any}): {@link Documents#REQUIREMENT}. */
    record Requirement() implements Shape {
    }

    /** Written by a tool and kept as it is (a chain's native transaction). */
    record Verbatim() implements Shape {
    }

    Shape KEY = new Key();
}
