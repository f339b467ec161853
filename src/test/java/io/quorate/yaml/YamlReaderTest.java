package io.quorate.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.diag.Diagnostic;
import io.quorate.diag.SourceLocation;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class YamlReaderTest {

    private final List<Diagnostic> diagnostics = new ArrayList<>();

    private YamlNode read(String content) {
        Optional<YamlNode> node = YamlReader.read("f.yaml", content, diagnostics);
        assertTrue(node.isPresent(), () -> diagnostics.toString());
        return node.get();
    }

    @Test
    void remembers_where_every_key_and_value_is_written() {
        YamlMapping root = (YamlMapping) read("""
                accounts:
                  vault:
                    keys: [{key: k1, weight: 1}]
                """);
        YamlMapping.Entry accounts = root.entry("accounts");
        assertEquals(new SourceLocation("f.yaml", 1, 1), accounts.keyAt());
        YamlMapping vault = (YamlMapping) accounts.value();
        assertEquals(new SourceLocation("f.yaml", 2, 3), vault.entry("vault").keyAt());
        YamlSequence keys = (YamlSequence) ((YamlMapping) vault.get("vault")).get("keys");
        assertEquals(new SourceLocation("f.yaml", 3, 11), keys.at());
        YamlScalar weight = (YamlScalar) ((YamlMapping) keys.items().get(0)).get("weight");
        assertEquals(new SourceLocation("f.yaml", 3, 30), weight.at());
    }

    @Test
    void tells_the_kind_of_each_scalar_and_whether_it_was_quoted() {
        YamlMapping m = (YamlMapping) read("""
                plain: abc
                single: '12'
                double: "true"
                int: 0x1F
                big: 1_000
                float: 1.5
                bool: true
                yes_word: yes
                empty:
                tilde: ~
                quoted_empty: ""
                """);
        assertScalar(m.get("plain"), "abc", false, YamlScalar.Kind.STRING);
        assertScalar(m.get("single"), "12", true, YamlScalar.Kind.STRING);
        assertScalar(m.get("double"), "true", true, YamlScalar.Kind.STRING);
        assertScalar(m.get("int"), "0x1F", false, YamlScalar.Kind.INT);
        assertEquals(BigInteger.valueOf(31), ((YamlScalar) m.get("int")).integer());
        assertEquals(BigInteger.valueOf(1000), ((YamlScalar) m.get("big")).integer());
        assertScalar(m.get("float"), "1.5", false, YamlScalar.Kind.FLOAT);
        assertScalar(m.get("bool"), "true", false, YamlScalar.Kind.BOOL);
        assertScalar(m.get("yes_word"), "yes", false, YamlScalar.Kind.STRING);
        assertTrue(((YamlScalar) m.get("empty")).isNull());
        assertTrue(((YamlScalar) m.get("tilde")).isNull());
        assertScalar(m.get("quoted_empty"), "", true, YamlScalar.Kind.STRING);
    }

    private static void assertScalar(YamlNode node, String text, boolean quoted, YamlScalar.Kind kind) {
        YamlScalar s = assertInstanceOf(YamlScalar.class, node);
        assertEquals(text, s.text());
        assertEquals(quoted, s.quoted(), text);
        assertEquals(kind, s.kind(), text);
    }

    @Test
    void reports_a_syntax_error_at_its_line_and_column_in_plain_words() {
        Optional<YamlNode> node = YamlReader.read("f.yaml", "a: 1\n  b: 2\n", diagnostics);
        assertTrue(node.isEmpty());
        Diagnostic d = diagnostics.get(0);
        assertEquals("yaml-syntax", d.code());
        assertEquals(new SourceLocation("f.yaml", 2, 3), d.at());
        assertEquals("`b` is indented more than `a` above it, whose value is already given", d.message());
    }

    @Test
    void points_at_the_tab_and_says_why_it_is_wrong() {
        YamlReader.read("f.yaml", "a:\n\tb: 1\n", diagnostics);
        Diagnostic d = diagnostics.get(0);
        assertEquals(new SourceLocation("f.yaml", 2, 1), d.at());
        assertFalse(d.message().contains("Exception"), d.message());
        assertTrue(d.help().contains("spaces"), d.help());
    }

    @Test
    void an_unterminated_list_is_reported_where_it_opens_not_where_the_file_ends() {
        YamlReader.read("f.yaml", "a: [1, 2\n", diagnostics);
        Diagnostic d = diagnostics.get(0);
        assertEquals("yaml-syntax", d.code());
        assertEquals(new SourceLocation("f.yaml", 1, 4), d.at());
        assertEquals("the list opened here with `[` is never closed", d.message());
    }

    @Test
    void reads_json_even_when_it_is_indented_with_tabs() {
        YamlMapping m = (YamlMapping) read("{\"quorate\": 1,\n\t\"keys\": {\"a\": \"b\"}}\n");
        assertEquals(new SourceLocation("f.yaml", 2, 2), m.entry("keys").keyAt());
        YamlMapping j = (YamlMapping) YamlReader.read("p.json", "{\"x\": [true, null, 7]}", diagnostics).orElseThrow();
        assertEquals(3, ((YamlSequence) j.get("x")).items().size());
        assertTrue(((YamlScalar) ((YamlSequence) j.get("x")).items().get(0)).quoted() == false);
    }

    @Test
    void an_empty_document_is_a_null_scalar() {
        YamlScalar s = assertInstanceOf(YamlScalar.class, read(""));
        assertTrue(s.isNull());
    }

    @Test
    void a_second_document_in_one_file_is_an_error() {
        assertTrue(YamlReader.read("f.yaml", "a: 1\n---\nb: 2\n", diagnostics).isEmpty());
        assertEquals(new SourceLocation("f.yaml", 3, 1), diagnostics.get(0).at());
    }

    @Test
    void resolves_aliases_to_their_anchored_node() {
        YamlMapping m = (YamlMapping) read("a: &w {weight: 1}\nb: *w\n");
        assertEquals(m.get("a"), m.get("b"));
        YamlReader.read("f.yaml", "b: *nothing\n", diagnostics);
        assertEquals("yaml-syntax", diagnostics.get(0).code());
    }

    @Test
    void keeps_a_repeated_key_so_its_reader_reports_it() {
        YamlMapping m = (YamlMapping) read("a: 1\nb: 2\na: 3\n");
        assertEquals(2, m.entries().size());
        assertEquals(1, m.duplicates().size());
        new Expect(diagnostics).mapping(m, "policy file");
        Diagnostic d = diagnostics.get(0);
        assertEquals("duplicate-key", d.code());
        assertEquals(new SourceLocation("f.yaml", 3, 1), d.at());
        assertEquals("policy file: field `a` is given twice (first at line 1)", d.message());
    }
}
