package io.quorate.yaml;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a part of a document may hold: the one declaration of a document's fields (their names,
 * types, ranges, enumerations, which are required, and the variants one field selects) that the
 * loaders check known fields against and that {@code quorate schema} renders as JSON Schema.
 * A form says only what a JSON Schema can say; checks that need more (a key that decodes, a
 * parent that exists) stay in the loaders.
 */
public sealed interface Form {

    /**
     * A scalar read as text. The loaders take numbers and booleans as the text written
     * ({@code 12345} is a name), so the schema admits them too unless {@code values} or
     * {@code pattern} narrows it to strings.
     */
    record Text(List<String> values, String pattern, String description) implements Form {
        public Text {
            values = List.copyOf(values);
        }
    }

    /** An integer within {@code range}. */
    record Whole(IntRange range, String description) implements Form {
    }

    /** {@code true} or {@code false}. */
    record Flag(String description) implements Form {
    }

    /** An ISO-8601 instant ({@code 2027-01-01T00:00:00Z}). */
    record Moment(String description) implements Form {
    }

    /** A day ({@code 2027-06-30}). */
    record Day(String description) implements Form {
    }

    /**
     * A mapping of known fields. No other field is allowed. {@code oneRequired} lists sets of
     * fields of which at least one set must be given in full (a transaction names its action
     * with {@code account} and {@code action}, or lists {@code actions}).
     */
    final class Obj implements Form {

        private final List<Field> fields;
        private final List<List<String>> oneRequired;
        private final String description;
        /** Asked for every mapping a loader reads: made once. */
        private final List<String> names;

        public Obj(List<Field> fields, List<List<String>> oneRequired, String description) {
            this.fields = List.copyOf(fields);
            this.oneRequired = oneRequired.stream().map(List::copyOf).toList();
            this.description = description;
            this.names = this.fields.stream().map(Field::name).toList();
            for (int i = 0; i < names.size(); i++) {
                if (names.indexOf(names.get(i)) != i) {
                    throw new IllegalArgumentException("field `" + names.get(i) + "` is declared twice");
                }
            }
        }

        public List<Field> fields() {
            return fields;
        }

        public List<List<String>> oneRequired() {
            return oneRequired;
        }

        public String description() {
            return description;
        }

        /** The names of the fields, in declaration order: the fields a loader accepts. */
        public List<String> names() {
            return names;
        }

        /** The field {@code name}; a loader asking for a field the form does not declare is a programming error. */
        public Field field(String name) {
            for (Field f : fields) {
                if (f.name().equals(name)) return f;
            }
            throw new IllegalArgumentException("field `" + name + "` is not declared; declared: " + names);
        }

        /** This form with {@code more} fields after its own. */
        public Obj plus(Field... more) {
            return plus(Arrays.asList(more));
        }

        public Obj plus(List<Field> more) {
            List<Field> all = new ArrayList<>(fields);
            all.addAll(more);
            return new Obj(all, oneRequired, description);
        }

        /** This form with every field optional and no required sets (a template that rows complete). */
        public Obj optional() {
            return new Obj(fields.stream().map(f -> new Field(f.name(), f.form(), false, f.description())).toList(), List.of(), description);
        }

        /** This form with {@code alternatives} as its required sets. */
        public Obj requiringOneOf(List<List<String>> alternatives) {
            return new Obj(fields, alternatives, description);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Obj other && fields.equals(other.fields) && oneRequired.equals(other.oneRequired)
                    && java.util.Objects.equals(description, other.description);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(fields, oneRequired, description);
        }

        @Override
        public String toString() {
            return "Obj" + names;
        }
    }

    /** A list of {@code item}, at least {@code minItems} long. */
    record ListOf(Form item, int minItems) implements Form {
    }

    /** A fixed-length list of {@code prefix} forms, then any number of {@code rest} (null: none), with at least {@code minItems}. */
    record Tuple(List<Form> prefix, Form rest, int minItems) implements Form {
        public Tuple {
            prefix = List.copyOf(prefix);
        }
    }

    /** A mapping whose keys are names the user chooses ({@code keyPattern}, null: any), each holding a {@code value}. */
    record MapOf(Form value, String keyPattern, String description) implements Form {
    }

    /** Any of {@code options}. */
    record AnyOf(List<Form> options) implements Form {
        public AnyOf {
            options = List.copyOf(options);
        }
    }

    /**
     * A mapping whose field {@code tag} selects its form: an account's {@code chain}, a plan
     * step's {@code op}. Each variant declares {@code tag} itself.
     */
    record Tagged(String tag, List<Variant> variants, String description) implements Form {
        public Tagged {
            variants = List.copyOf(variants);
        }

        public List<String> values() {
            return variants.stream().map(Variant::value).toList();
        }
    }

    /** One value of a {@link Tagged} form's tag and the form it selects. */
    record Variant(String value, Obj form) {
    }

    /** A form with a name of its own: the schema defines it once and refers to it by name. */
    record Named(String name, Form form) implements Form {
    }

    /**
     * A form that holds itself (a requirement made of requirements): named, like {@link Named},
     * with its form built on first use so that it can refer to this very form. Two are the same
     * form when they have the same name.
     */
    final class Recursive implements Form {

        private final String name;
        private final java.util.function.Supplier<Form> body;
        private volatile Form form;

        public Recursive(String name, java.util.function.Supplier<Form> body) {
            this.name = name;
            this.body = body;
        }

        public String name() {
            return name;
        }

        public Form form() {
            Form f = form;
            if (f == null) {
                f = body.get();
                form = f;
            }
            return f;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Recursive other && name.equals(other.name);
        }

        @Override
        public int hashCode() {
            return name.hashCode();
        }

        @Override
        public String toString() {
            return "Recursive[" + name + "]";
        }
    }

    /** Exactly this value. */
    record Exactly(Object value, String description) implements Form {
    }

    /** Anything at all: a chain's own transaction, read by the chain. */
    record Anything(String type, String description) implements Form {
    }

    /** {@code null}: a field left empty. */
    record Nothing() implements Form {
    }

    // ---- builders, so that declarations read as the formats page does ----

    static Text text() {
        return new Text(List.of(), null, null);
    }

    static Text text(String description) {
        return new Text(List.of(), null, description);
    }

    static Text oneOf(String description, String... values) {
        return new Text(List.of(values), null, description);
    }

    static Text matching(String pattern, String description) {
        return new Text(List.of(), pattern, description);
    }

    static Whole whole(IntRange range) {
        return new Whole(range, null);
    }

    static Whole whole(IntRange range, String description) {
        return new Whole(range, description);
    }

    static Flag flag(String description) {
        return new Flag(description);
    }

    static ListOf listOf(Form item) {
        return new ListOf(item, 0);
    }

    static ListOf nonEmptyListOf(Form item) {
        return new ListOf(item, 1);
    }

    static MapOf mapOf(Form value, String description) {
        return new MapOf(value, null, description);
    }

    static AnyOf anyOf(Form... options) {
        return new AnyOf(List.of(options));
    }

    static Obj obj(String description, Field... fields) {
        return new Obj(List.of(fields), List.of(), description);
    }

    static Obj obj(String description, List<Field> fields) {
        return new Obj(fields, List.of(), description);
    }

    static Named named(String name, Form form) {
        return new Named(name, form);
    }

    static Field required(String name, Form form, String description) {
        return new Field(name, form, true, description);
    }

    static Field optional(String name, Form form, String description) {
        return new Field(name, form, false, description);
    }

    /** One field of an {@link Obj}. */
    record Field(String name, Form form, boolean required, String description) {
    }
}
