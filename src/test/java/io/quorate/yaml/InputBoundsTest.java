package io.quorate.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.diag.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each test holds the input that once exhausted memory, the stack or the processor. */
class InputBoundsTest {

    private static final String LAUGHS = """
            a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]
            a1: &a1 [*a0, *a0, *a0, *a0, *a0, *a0, *a0, *a0, *a0, *a0]
            a2: &a2 [*a1, *a1, *a1, *a1, *a1, *a1, *a1, *a1, *a1, *a1]
            a3: &a3 [*a2, *a2, *a2, *a2, *a2, *a2, *a2, *a2, *a2, *a2]
            a4: &a4 [*a3, *a3, *a3, *a3, *a3, *a3, *a3, *a3, *a3, *a3]
            a5: &a5 [*a4, *a4, *a4, *a4, *a4, *a4, *a4, *a4, *a4, *a4]
            a6: &a6 [*a5, *a5, *a5, *a5, *a5, *a5, *a5, *a5, *a5, *a5]
            a7: &a7 [*a6, *a6, *a6, *a6, *a6, *a6, *a6, *a6, *a6, *a6]
            a8: &a8 [*a7, *a7, *a7, *a7, *a7, *a7, *a7, *a7, *a7, *a7]
            """;

    private static List<Diagnostic> problems(String file, String content) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        Optional<YamlNode> node = YamlReader.read(file, content, diagnostics);
        assertTrue(node.isEmpty(), "refused");
        return diagnostics;
    }

    @Test
    void a_billion_laughs_is_refused_at_the_alias_that_crosses_the_bound() {
        Diagnostic d = problems("bomb.yaml", LAUGHS).get(0);
        assertEquals(InputLimits.TOO_MANY_ALIASES, d.code());
        assertEquals(6, d.at().line(), d.render());
        assertTrue(d.at().column() > 1, d.render());
        assertTrue(d.message().startsWith("alias `*a4` makes the aliases of this document repeat more than 1000000 nodes"), d.message());
    }

    @Test
    void aliases_that_repeat_little_are_read_as_before() {
        List<Diagnostic> diagnostics = new ArrayList<>();
        Optional<YamlNode> node = YamlReader.read("ok.yaml", "board: &b [alice, bob]\nops: *b\naudit: *b\n", diagnostics);
        assertTrue(diagnostics.isEmpty(), diagnostics.toString());
        YamlMapping m = (YamlMapping) node.orElseThrow();
        assertEquals(2, ((YamlSequence) m.get("audit")).items().size());
    }

    @Test
    void nesting_too_deep_is_reported_with_line_and_column_in_yaml_and_json() {
        // Jackson's own limit said `document nesting depth (1001) exceeds the maximum allowed` with no location
        for (String file : List.of("deep.yaml", "deep.json")) {
            Diagnostic d = problems(file, "\n  " + "[".repeat(5_000) + "]".repeat(5_000)).get(0);
            assertEquals(InputLimits.TOO_DEEP, d.code(), d.render());
            assertEquals(2, d.at().line(), d.render());
            assertEquals(3 + InputLimits.DEFAULT.maxDepth(), d.at().column(), d.render());
        }
    }

    @Test
    void nesting_up_to_the_limit_is_read() {
        int depth = InputLimits.DEFAULT.maxDepth();
        List<Diagnostic> diagnostics = new ArrayList<>();
        YamlReader.read("ok.yaml", "[".repeat(depth) + "]".repeat(depth), diagnostics);
        assertTrue(diagnostics.isEmpty(), diagnostics.toString());
    }

    @Test
    void a_word_of_two_megabytes_is_refused_in_yaml_with_its_place() {
        // SnakeYAML's reader copies its window per 1 K characters of a token: this took 7 s
        Diagnostic d = problems("key.yaml", "keys:\n  a: x" + "a".repeat(2 << 20) + "\n").get(0);
        assertEquals(InputLimits.TOO_LONG_LINE, d.code());
        assertEquals(2, d.at().line());
        assertEquals(LongLine.MAX + 1, d.at().column());
    }

    @Test
    void two_megabytes_of_spaces_in_a_comment_or_a_block_are_refused_too() {
        // found by the fuzzer: 2 MB of spaces after `weight:` took 25 s
        for (String yaml : List.of("a: " + " ".repeat(2 << 20) + "1\n", "# " + "x ".repeat(1 << 20) + "\n",
                "a: |\n  " + "x ".repeat(1 << 20) + "\n")) {
            assertEquals(InputLimits.TOO_LONG_LINE, problems("s.yaml", yaml).get(0).code());
        }
    }

    @Test
    void many_lines_of_any_length_up_to_the_limit_are_read() {
        List<Diagnostic> diagnostics = new ArrayList<>();
        YamlReader.read("ok.yaml", ("- " + "word ".repeat(1000) + "\n").repeat(200), diagnostics);
        assertTrue(diagnostics.isEmpty(), diagnostics.toString());
    }

    @Test
    void the_same_word_in_json_is_read() {
        List<Diagnostic> diagnostics = new ArrayList<>();
        Optional<YamlNode> node = YamlReader.read("key.yaml", "{\"a\": \"" + "a".repeat(2 << 20) + "\"}", diagnostics);
        assertTrue(diagnostics.isEmpty(), diagnostics.toString());
        assertInstanceOf(YamlMapping.class, node.orElseThrow());
    }

    @Test
    void quoting_is_seen_after_characters_outside_the_basic_plane() {
        // the quoted check walks forward from the previous scalar instead of from the file's start
        List<Diagnostic> diagnostics = new ArrayList<>();
        YamlMapping m = (YamlMapping) YamlReader.read("q.yaml", "a: \"\uD83D\uDD11\"\nb: '12'\nc: 12\nd: \"\"\n", diagnostics).orElseThrow();
        assertTrue(((YamlScalar) m.get("b")).quoted());
        assertTrue(!((YamlScalar) m.get("c")).quoted());
        assertEquals(YamlScalar.Kind.STRING, ((YamlScalar) m.get("d")).kind());
    }

    @Test
    void a_huge_word_gets_no_suggestion_and_near_words_still_do() {
        assertNull(Suggest.didYouMean("x".repeat(1 << 20), List.of("x".repeat(1 << 20) + "y")));
        assertEquals("did you mean `treasurer`?", Suggest.didYouMean("tresurer", List.of("treasurer", "ops_lead")));
    }

    @Test
    void suggestions_stop_after_the_first_problems() {
        // 2,200 mistyped key names among 35,000 names took minutes, one pass over the names for each
        Expect x = new Expect(new ArrayList<>());
        List<String> names = List.of("treasurer", "ops_lead");
        assertEquals("did you mean `treasurer`?", x.didYouMean("tresurer", names));
        for (int i = 0; i < Expect.SUGGESTED_PROBLEMS; i++) x.error("unknown-key-name", new io.quorate.diag.SourceLocation("p.yaml", i + 1, 1), "m", null);
        assertNull(x.didYouMean("tresurer", names));
    }

    @Test
    void the_bounded_distance_agrees_with_the_plain_one_within_its_limit() {
        java.util.Random random = new java.util.Random(3);
        for (int n = 0; n < 2_000; n++) {
            String a = word(random);
            String b = random.nextBoolean() ? word(random) : typo(a, random);
            int plain = plainDistance(a, b);
            assertEquals(Math.min(plain, 4), Suggest.distance(a, b, 3), a + " / " + b);
        }
    }

    private static String word(java.util.Random random) {
        StringBuilder s = new StringBuilder();
        for (int i = random.nextInt(9); i > 0; i--) s.append((char) ('a' + random.nextInt(4)));
        return s.toString();
    }

    private static String typo(String a, java.util.Random random) {
        StringBuilder s = new StringBuilder(a);
        for (int i = random.nextInt(4); i > 0 && s.length() > 1; i--) {
            int at = random.nextInt(s.length() - 1);
            char c = s.charAt(at);
            s.setCharAt(at, s.charAt(at + 1));
            s.setCharAt(at + 1, c);
        }
        return s.toString();
    }

    /** The full table, as Suggest computed it before it stopped early. */
    private static int plainDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    @Test
    void duplicate_keys_are_reported_against_their_first_line_in_one_pass() {
        // 100,000 keys then 100,000 repeats of the last took over 5 minutes: each repeat searched the entries
        StringBuilder yaml = new StringBuilder();
        for (int i = 0; i < 20_000; i++) yaml.append("k").append(i).append(": 1\n");
        yaml.append("k19999: 2\n".repeat(20_000));
        List<Diagnostic> diagnostics = new ArrayList<>();
        Expect x = new Expect(diagnostics);
        x.mapping(YamlReader.read("d.yaml", yaml.toString(), diagnostics).orElseThrow(), "policy file");
        assertEquals(20_000, diagnostics.size());
        assertEquals("policy file: field `k19999` is given twice (first at line 20000)", diagnostics.get(0).message());
    }
}
