package io.quorate.yaml;

import io.quorate.diag.Diagnostic;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks a document against its {@link Form} alone, with the loaders' diagnostics (file, line,
 * column, {@code unknown-field}, {@code missing-field}, {@code wrong-type}, {@code out-of-range},
 * {@code invalid-value}): what a document's JSON Schema says, said where the mistake is written.
 * A reader with no typed model of its own (a test file's) checks its fields with it; the tests
 * hold it and the rendered schemas to the same answers.
 */
public final class FormCheck {

    private final Expect x;

    private FormCheck(Expect x) {
        this.x = x;
    }

    /** Reports through {@code x} everything in {@code node} that {@code form} does not allow; true when nothing was. */
    public static boolean check(Expect x, YamlNode node, Form form, String context) {
        int before = x.diagnostics().size();
        new FormCheck(x).node(node, form, context);
        return x.diagnostics().size() == before;
    }

    private void node(YamlNode node, Form form, String context) {
        if (form instanceof Form.Named n) {
            node(node, n.form(), context);
        } else if (form instanceof Form.Recursive r) {
            node(node, r.form(), context);
        } else if (form instanceof Form.Text t) {
            text(node, t, context);
        } else if (form instanceof Form.Whole w) {
            x.integer(node, context, w.range());
        } else if (form instanceof Form.Flag) {
            x.bool(node, context);
        } else if (form instanceof Form.Moment) {
            if (stringOnly(node, context)) x.instant(node, context);
        } else if (form instanceof Form.Day) {
            day(node, context);
        } else if (form instanceof Form.Obj o) {
            YamlMapping m = x.mapping(node, context);
            if (m != null) fields(m, o, context);
        } else if (form instanceof Form.ListOf l) {
            list(node, l, context);
        } else if (form instanceof Form.Tuple t) {
            tuple(node, t, context);
        } else if (form instanceof Form.MapOf m) {
            map(node, m, context);
        } else if (form instanceof Form.AnyOf a) {
            anyOf(node, a, context);
        } else if (form instanceof Form.Tagged t) {
            tagged(node, t, context);
        } else if (form instanceof Form.Exactly e) {
            exactly(node, e, context);
        } else if (form instanceof Form.Anything a) {
            if ("object".equals(a.type())) x.mapping(node, context);
        } else if (!(node instanceof YamlScalar s && s.isNull())) { // Form.Nothing
            x.error(Expect.WRONG_TYPE, node.at(), context + ": expected nothing, found " + node.describe(), null);
        }
    }

    private void text(YamlNode node, Form.Text t, String context) {
        if (t.values().isEmpty() && t.pattern() == null) {
            x.string(node, context);
            return;
        }
        if (!stringOnly(node, context)) return;
        String text = ((YamlScalar) node).text();
        if (!t.values().isEmpty() && !t.values().contains(text)) {
            String suggestion = x.didYouMean(text, t.values());
            x.error(Expect.INVALID_VALUE, node.at(), context + ": `" + text + "` is not one of " + quoted(t.values()),
                    suggestion != null ? suggestion : "write one of " + quoted(t.values()));
        } else if (t.pattern() != null && !Pattern.compile(t.pattern()).matcher(text).find()) {
            x.error(Expect.INVALID_VALUE, node.at(), context + ": `" + text + "` is not " + describe(t), null);
        }
    }

    /** A string scalar (an enumeration or a pattern takes text, as the schema says); reported otherwise. */
    private boolean stringOnly(YamlNode node, String context) {
        if (node instanceof YamlScalar s && s.kind() == YamlScalar.Kind.STRING) return true;
        if (node != null) x.error(Expect.WRONG_TYPE, node.at(), context + ": expected a string, found " + node.describe(), null);
        return false;
    }

    private void day(YamlNode node, String context) {
        if (!stringOnly(node, context)) return;
        String text = ((YamlScalar) node).text();
        try {
            LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            x.error(Expect.INVALID_VALUE, node.at(), context + ": `" + text + "` is not a date", "write a day such as `2027-06-30`");
        }
    }

    private void fields(YamlMapping m, Form.Obj o, String context) {
        x.onlyFields(m, context, o);
        for (Form.Field f : o.fields()) {
            YamlNode value = m.get(f.name());
            if (value == null) {
                if (f.required()) x.required(m, f.name(), context);
                continue;
            }
            node(value, f.form(), context + ": `" + f.name() + "`");
        }
        if (!o.oneRequired().isEmpty() && o.oneRequired().stream().noneMatch(set -> set.stream().allMatch(m::has))) {
            String sets = o.oneRequired().stream().map(FormCheck::quoted).collect(Collectors.joining(", or "));
            x.error(Expect.MISSING_FIELD, m.at(), context + ": expected " + sets, null);
        }
    }

    private void list(YamlNode node, Form.ListOf l, String context) {
        if (!(node instanceof YamlSequence seq)) {
            x.error(Expect.WRONG_TYPE, node.at(), context + ": expected a list, found " + node.describe(), null);
            return;
        }
        if (seq.items().size() < l.minItems()) {
            x.error(Expect.MISSING_FIELD, node.at(), context + ": the list is empty", "list at least " + l.minItems());
        }
        for (int i = 0; i < seq.items().size(); i++) node(seq.items().get(i), l.item(), context + " " + (i + 1));
    }

    private void tuple(YamlNode node, Form.Tuple t, String context) {
        if (!(node instanceof YamlSequence seq)) {
            x.error(Expect.WRONG_TYPE, node.at(), context + ": expected a list, found " + node.describe(), null);
            return;
        }
        int size = seq.items().size();
        if (size < t.minItems() || t.rest() == null && size > t.prefix().size()) {
            String expected = t.rest() == null ? String.valueOf(t.prefix().size()) : "at least " + t.minItems();
            x.error(Expect.INVALID_VALUE, node.at(), context + ": expected " + expected + " items, found " + size, null);
            return;
        }
        for (int i = 0; i < size; i++) {
            node(seq.items().get(i), i < t.prefix().size() ? t.prefix().get(i) : t.rest(), context + " " + (i + 1));
        }
    }

    private void map(YamlNode node, Form.MapOf f, String context) {
        YamlMapping m = x.mapping(node, context);
        if (m == null) return;
        for (YamlMapping.Entry e : m.entries()) {
            if (f.keyPattern() != null && !Pattern.compile(f.keyPattern()).matcher(e.key()).find()) {
                x.error(Expect.INVALID_VALUE, e.keyAt(), context + ": `" + e.key() + "` is not a valid name here",
                        f.description());
            }
            node(e.value(), f.value(), context + ": `" + e.key() + "`");
        }
    }

    /**
     * The first option that accepts the node; when none does, the problems of the option made
     * for the node's kind (a mapping's form for a mapping), or a wrong type naming them all.
     */
    private void anyOf(YamlNode node, Form.AnyOf a, String context) {
        List<List<Diagnostic>> tried = new ArrayList<>();
        for (Form option : a.options()) {
            Expect scratch = new Expect(new ArrayList<>());
            new FormCheck(scratch).node(node, option, context);
            if (scratch.diagnostics().isEmpty()) return;
            tried.add(scratch.diagnostics());
        }
        for (int i = 0; i < a.options().size(); i++) {
            if (fits(node, a.options().get(i))) {
                x.diagnostics().addAll(tried.get(i));
                return;
            }
        }
        String expected = a.options().stream().map(FormCheck::kind).distinct().collect(Collectors.joining(" or "));
        x.error(Expect.WRONG_TYPE, node.at(), context + ": expected " + expected + ", found " + node.describe(), null);
    }

    private void tagged(YamlNode node, Form.Tagged t, String context) {
        YamlMapping m = x.mapping(node, context);
        if (m == null) return;
        YamlNode tag = x.required(m, t.tag(), context);
        if (tag == null) return;
        String value = x.string(tag, context + ": `" + t.tag() + "`");
        if (value == null) return;
        for (Form.Variant v : t.variants()) {
            if (v.value().equals(value)) {
                fields(m, v.form(), context);
                return;
            }
        }
        String suggestion = x.didYouMean(value, t.values());
        x.error(Expect.INVALID_VALUE, tag.at(), context + ": `" + t.tag() + "`: `" + value + "` is not one of " + quoted(t.values()),
                suggestion != null ? suggestion : "write one of " + quoted(t.values()));
    }

    private void exactly(YamlNode node, Form.Exactly e, String context) {
        boolean same = node instanceof YamlScalar s && (e.value() instanceof Integer i
                ? s.kind() == YamlScalar.Kind.INT && BigInteger.valueOf(i).equals(s.integer())
                : e.value() instanceof Boolean b
                ? s.kind() == YamlScalar.Kind.BOOL && Boolean.parseBoolean(s.text().toLowerCase(java.util.Locale.ROOT)) == b
                : s.kind() == YamlScalar.Kind.STRING && s.text().equals(String.valueOf(e.value())));
        if (!same) {
            x.error(Expect.INVALID_VALUE, node.at(), context + ": expected `" + e.value() + "`, found " + node.describe(), null);
        }
    }

    /** Whether {@code form} is made for nodes of {@code node}'s kind. */
    private static boolean fits(YamlNode node, Form form) {
        Form f = unwrap(form);
        if (node instanceof YamlMapping) {
            return f instanceof Form.Obj || f instanceof Form.MapOf || f instanceof Form.Tagged || f instanceof Form.Anything;
        }
        if (node instanceof YamlSequence) return f instanceof Form.ListOf || f instanceof Form.Tuple;
        return !(f instanceof Form.Obj || f instanceof Form.MapOf || f instanceof Form.Tagged || f instanceof Form.ListOf
                || f instanceof Form.Tuple || f instanceof Form.AnyOf);
    }

    private static String kind(Form form) {
        Form f = unwrap(form);
        if (f instanceof Form.Obj || f instanceof Form.MapOf || f instanceof Form.Tagged) return "a mapping";
        if (f instanceof Form.ListOf || f instanceof Form.Tuple) return "a list";
        if (f instanceof Form.Whole) return "an integer";
        if (f instanceof Form.Flag) return "`true` or `false`";
        if (f instanceof Form.Nothing) return "nothing";
        if (f instanceof Form.AnyOf a) return a.options().stream().map(FormCheck::kind).distinct().collect(Collectors.joining(" or "));
        return "a string";
    }

    /** The form a name stands for. */
    private static Form unwrap(Form form) {
        return form instanceof Form.Named n ? n.form() : form instanceof Form.Recursive r ? r.form() : form;
    }

    private static String describe(Form.Text t) {
        return t.description() != null ? t.description() : "of the form `" + t.pattern() + "`";
    }

    private static String quoted(List<String> values) {
        return values.stream().map(v -> "`" + v + "`").collect(Collectors.joining(", "));
    }
}
