package io.quorate.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quorate.diag.Diagnostic;
import io.quorate.diag.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExpectTest {

    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final Expect expect = new Expect(diagnostics);

    private YamlMapping read(String content) {
        return (YamlMapping) YamlReader.read("f.yaml", content, diagnostics).orElseThrow();
    }

    @Test
    void an_unknown_field_suggests_the_closest_known_one() {
        YamlMapping m = read("treshold: 2\nkeys: []\n");
        expect.onlyFields(m, "authority `active`", List.of("threshold", "keys", "accounts"));
        Diagnostic d = diagnostics.get(0);
        assertEquals("unknown-field", d.code());
        assertEquals("authority `active`: unknown field `treshold`", d.message());
        assertEquals("did you mean `threshold`?", d.help());
        assertEquals(new SourceLocation("f.yaml", 1, 1), d.at());
    }

    @Test
    void an_unknown_field_far_from_every_known_one_lists_them() {
        expect.onlyFields(read("colour: red\n"), "x", List.of("threshold", "keys"));
        assertEquals("expected one of `threshold`, `keys`", diagnostics.get(0).help());
    }

    @Test
    void an_integer_out_of_range_names_the_range() {
        YamlMapping m = read("weight: 70000\n");
        assertNull(expect.integer(m.get("weight"), "`weight`", IntRange.U16.as("eos weights are u16")));
        Diagnostic d = diagnostics.get(0);
        assertEquals("out-of-range", d.code());
        assertEquals("`weight`: 70000 is out of range: expected 0..65535 (eos weights are u16)", d.message());
        assertEquals(new SourceLocation("f.yaml", 1, 9), d.at());
    }

    @Test
    void a_value_of_the_wrong_type_says_what_was_found() {
        YamlMapping m = read("threshold: abc\nkeys: 3\n");
        expect.integer(m.get("threshold"), "`threshold`", IntRange.U32);
        expect.list(m.get("keys"), "`keys`");
        expect.mapping(m.get("keys"), "`keys`");
        assertEquals("`threshold`: expected an integer, found `abc`", diagnostics.get(0).message());
        assertEquals("`keys`: expected a list, found the number `3`", diagnostics.get(1).message());
        assertEquals("wrong-type", diagnostics.get(2).code());
        assertEquals(new SourceLocation("f.yaml", 2, 7), diagnostics.get(2).at());
    }

    @Test
    void a_missing_field_is_reported_at_its_mapping() {
        YamlMapping m = read("a:\n  keys: []\n");
        assertNull(expect.required((YamlMapping) m.get("a"), "threshold", "authority `a`"));
        assertEquals("missing-field", diagnostics.get(0).code());
        assertEquals(new SourceLocation("f.yaml", 2, 3), diagnostics.get(0).at());
    }

    @Test
    void suggestions_tolerate_a_swap_and_ignore_distant_words() {
        assertEquals("owner", Suggest.closest("ownre", List.of("owner", "active", "posting")));
        assertNull(Suggest.closest("zzz", List.of("owner", "active")));
    }
}
