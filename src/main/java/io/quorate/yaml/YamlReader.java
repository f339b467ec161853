package io.quorate.yaml;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.quorate.diag.Diagnostic;
import io.quorate.diag.SourceLocation;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads one YAML or JSON document into a {@link YamlNode} tree that remembers where every node
 * and key is written. Syntax errors become {@code yaml-syntax} diagnostics, never exceptions.
 * Only {@code true}/{@code false} are booleans (YAML 1.2): {@code yes}, {@code no}, {@code on}
 * and {@code off} stay strings, because names such as {@code no} are ordinary account names.
 */
public final class YamlReader {

    public static final String SYNTAX = "yaml-syntax";

    /**
     * Jackson's and SnakeYAML's own bounds are lifted where {@link InputLimits} bounds the same
     * thing with a location: file size (checked by the loaders before reading) and nesting depth
     * (counted while building the tree). SnakeYAML's 3 MB default refused a policy of 10,000 accounts.
     */
    private static final StreamReadConstraints CONSTRAINTS = StreamReadConstraints.builder()
            .maxNestingDepth(Integer.MAX_VALUE)
            .build();
    private static final YAMLFactory YAML = YAMLFactory.builder()
            .loaderOptions(loaderOptions())
            .streamReadConstraints(CONSTRAINTS)
            .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS)
            .disable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
            .build();
    private static final JsonFactory JSON = JsonFactory.builder().streamReadConstraints(CONSTRAINTS).build();

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(Integer.MAX_VALUE);
        options.setNestingDepthLimit(Integer.MAX_VALUE);
        return options;
    }

    private YamlReader() {
    }

    /**
     * The document in {@code content}, or empty when it cannot be read (the reasons are added to
     * {@code diagnostics}). An empty document is a null scalar at line 1, column 1.
     * A file named {@code *.json}, or one that starts like JSON ({@code {} or {@code [}) and that
     * JSON accepts, is read as JSON (JSON indented with tabs, say, which YAML rejects).
     */
    public static Optional<YamlNode> read(String file, String content, List<Diagnostic> diagnostics) {
        if (file.toLowerCase(Locale.ROOT).endsWith(".json")) {
            return parse(file, content, true, diagnostics);
        }
        // JSON first when it looks like JSON: the JSON reader is linear in lines the YAML one is not
        List<Diagnostic> jsonProblems = new ArrayList<>();
        boolean jsonLike = looksLikeJson(content);
        if (jsonLike) {
            Optional<YamlNode> json = parse(file, content, true, jsonProblems);
            if (json.isPresent()) return json;
        }
        Diagnostic longLine = LongLine.find(file, content, LongLine.MAX);
        if (longLine != null) {
            diagnostics.addAll(jsonLike ? jsonProblems : List.of(longLine));
            return Optional.empty();
        }
        return parse(file, content, false, diagnostics);
    }

    /** The first character after blanks is a brace or a bracket (found without copying the text, which may be large). */
    private static boolean looksLikeJson(String content) {
        for (int i = 0; i < content.length(); i++) {
            char c = content.charAt(i);
            if (!Character.isWhitespace(c)) return c == '{' || c == '[';
        }
        return false;
    }

    private static Optional<YamlNode> parse(String file, String content, boolean json, List<Diagnostic> diagnostics) {
        JsonParser parser = null;
        try {
            parser = json ? JSON.createParser(content) : YAML.createParser(content);
            Builder builder = new Builder(file, content, parser, json, diagnostics);
            JsonToken first = parser.nextToken();
            if (first == null) {
                return Optional.of(new YamlScalar("", false, YamlScalar.Kind.NULL, null, new SourceLocation(file, 1, 1)));
            }
            YamlNode root = builder.node(first);
            if (parser.nextToken() != null) {
                diagnostics.add(Diagnostic.error(SYNTAX, builder.location(parser.currentTokenLocation()),
                        "a second document starts here: a file holds one document",
                        "split the documents into separate files"));
                return Optional.empty();
            }
            return builder.failed ? Optional.empty() : Optional.of(root);
        } catch (LimitExceeded e) {
            diagnostics.add(e.diagnostic);
            return Optional.empty();
        } catch (JacksonException | YAMLException e) {
            diagnostics.add(syntaxError(file, content, e, parser));
            return Optional.empty();
        } catch (IOException e) {
            diagnostics.add(Diagnostic.error(SYNTAX, SourceLocation.ofFile(file), "cannot be read: " + firstLine(e.getMessage()), null));
            return Optional.empty();
        } finally {
            close(parser);
        }
    }

    private static void close(JsonParser parser) {
        if (parser == null) return;
        try {
            parser.close();
        } catch (IOException | RuntimeException e) {
            // the text is in memory: nothing to release that matters
        }
    }

    /** A bound of {@link InputLimits} reached: reading stops at the node that reached it. */
    private static final class LimitExceeded extends RuntimeException {
        final transient Diagnostic diagnostic;

        LimitExceeded(Diagnostic diagnostic) {
            super(diagnostic.message(), null, false, false);
            this.diagnostic = diagnostic;
        }
    }

    private static final class Builder {
        private final String file;
        private final String content;
        private final JsonParser parser;
        private final boolean json;
        private final List<Diagnostic> diagnostics;
        private final Map<String, YamlNode> anchors = new HashMap<>();
        /** Nodes under each anchored node, aliases counted as written out. */
        private final Map<YamlNode, Long> anchoredSizes = new IdentityHashMap<>();
        private final InputLimits limits = InputLimits.current();
        private long nodes;
        private long aliasNodes;
        private int depth;
        private int lastCodePoint;
        private int lastCharIndex;
        private boolean failed;

        Builder(String file, String content, JsonParser parser, boolean json, List<Diagnostic> diagnostics) {
            this.file = file;
            this.content = content;
            this.parser = parser;
            this.json = json;
            this.diagnostics = diagnostics;
        }

        YamlNode node(JsonToken token) throws IOException {
            JsonLocation start = parser.currentTokenLocation();
            SourceLocation at = location(start);
            Object anchor = parser.getObjectId();
            long before = nodes;
            YamlNode node = switch (token) {
                case START_OBJECT -> mapping(at);
                case START_ARRAY -> sequence(at);
                default -> scalar(token, start, at);
            };
            if (anchor != null) {
                anchors.put(anchor.toString(), node);
                anchoredSizes.put(node, nodes - before);
            }
            return node;
        }

        private void enter(SourceLocation at) {
            nodes++;
            if (++depth > limits.maxDepth()) {
                throw new LimitExceeded(Diagnostic.error(InputLimits.TOO_DEEP, at,
                        "mappings and lists nest more than " + limits.maxDepth() + " levels deep here",
                        "no policy or transaction needs this depth; check the brackets and the indentation"));
            }
        }

        /** An alias repeats its anchor's nodes: readers of the tree will visit them again, so they count. */
        private void repeat(YamlNode target, String name, SourceLocation at) {
            long size = anchoredSizes.getOrDefault(target, 1L);
            aliasNodes += size;
            nodes += size;
            if (aliasNodes > limits.maxAliasNodes()) {
                throw new LimitExceeded(Diagnostic.error(InputLimits.TOO_MANY_ALIASES, at,
                        "alias `*" + name + "` makes the aliases of this document repeat more than "
                                + limits.maxAliasNodes() + " nodes",
                        "aliases that repeat aliases grow exponentially; write the repeated part out, or alias it fewer times"));
            }
        }

        private YamlMapping mapping(SourceLocation at) throws IOException {
            enter(at);
            List<YamlMapping.Entry> entries = new ArrayList<>();
            List<YamlMapping.Entry> duplicates = null;
            // Most mappings have a few fields: their keys are compared in a scan; a hash set only for long ones.
            java.util.Set<String> seen = null;
            for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
                String key = parser.currentName();
                SourceLocation keyAt = location(parser.currentTokenLocation());
                YamlMapping.Entry entry = new YamlMapping.Entry(key, keyAt, node(parser.nextToken()));
                if (seen == null && entries.size() >= SCANNED_KEYS) {
                    seen = new java.util.HashSet<>();
                    for (YamlMapping.Entry e : entries) seen.add(e.key());
                }
                boolean first = seen != null ? seen.add(key) : !written(entries, key);
                if (first) {
                    entries.add(entry);
                } else {
                    if (duplicates == null) duplicates = new ArrayList<>();
                    duplicates.add(entry);
                }
            }
            depth--;
            return new YamlMapping(entries, duplicates == null ? List.of() : duplicates, at);
        }

        /** Keys of a mapping up to which duplicates are found by scanning its entries. */
        private static final int SCANNED_KEYS = 8;

        private static boolean written(List<YamlMapping.Entry> entries, String key) {
            for (int i = 0; i < entries.size(); i++) {
                if (java.util.Objects.equals(entries.get(i).key(), key)) return true;
            }
            return false;
        }

        private YamlSequence sequence(SourceLocation at) throws IOException {
            enter(at);
            List<YamlNode> items = new ArrayList<>();
            for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                items.add(node(t));
            }
            depth--;
            return new YamlSequence(items, at);
        }

        private YamlNode scalar(JsonToken token, JsonLocation start, SourceLocation at) throws IOException {
            String text = parser.getText();
            if (!json && ((YAMLParser) parser).isCurrentAlias()) {
                YamlNode target = anchors.get(text);
                if (target == null) {
                    failed = true;
                    diagnostics.add(Diagnostic.error(SYNTAX, at, "alias `*" + text + "` refers to no anchor defined before it",
                            "define `&" + text + "` earlier in the file"));
                    return new YamlScalar(text, false, YamlScalar.Kind.NULL, null, at);
                }
                repeat(target, text, at);
                return target;
            }
            nodes++;
            return switch (token) {
                case VALUE_NULL -> new YamlScalar(text, false, YamlScalar.Kind.NULL, null, at);
                case VALUE_TRUE, VALUE_FALSE -> new YamlScalar(text, false, YamlScalar.Kind.BOOL, null, at);
                case VALUE_NUMBER_INT -> new YamlScalar(text, false, YamlScalar.Kind.INT, integer(), at);
                case VALUE_NUMBER_FLOAT -> new YamlScalar(text, false, YamlScalar.Kind.FLOAT, null, at);
                default -> {
                    boolean quoted = json || quoted(start);
                    // a value left empty (`key:`) is null in YAML; an empty quoted string is a string
                    boolean empty = text == null || text.isEmpty();
                    yield new YamlScalar(empty ? "" : text, quoted, empty && !quoted ? YamlScalar.Kind.NULL : YamlScalar.Kind.STRING, null, at);
                }
            };
        }

        private BigInteger integer() throws IOException {
            try {
                return parser.getBigIntegerValue();
            } catch (JacksonException | NumberFormatException e) {
                return null;
            }
        }

        private boolean quoted(JsonLocation start) {
            long index = start.getCharOffset();
            if (index < 0 || index > Integer.MAX_VALUE) return false;
            try {
                int offset = charIndex((int) index);
                char c = content.charAt(offset);
                return c == '"' || c == '\'';
            } catch (IndexOutOfBoundsException e) {
                return false;
            }
        }

        /**
         * The char index of the {@code codePoint}-th code point (SnakeYAML counts code points),
         * walked from the last one asked for: scalars come in file order, so a whole file costs
         * one pass instead of one pass per scalar (a 14 MB policy took 24 s that way).
         */
        private int charIndex(int codePoint) {
            if (codePoint < lastCodePoint) {
                lastCodePoint = 0;
                lastCharIndex = 0;
            }
            lastCharIndex = content.offsetByCodePoints(lastCharIndex, codePoint - lastCodePoint);
            lastCodePoint = codePoint;
            return lastCharIndex;
        }

        SourceLocation location(JsonLocation l) {
            return new SourceLocation(file, Math.max(1, l.getLineNr()), Math.max(1, l.getColumnNr()));
        }
    }

    /** {@code parser} says where reading stopped when the exception does not (Jackson's constraint errors). */
    private static Diagnostic syntaxError(String file, String content, Exception e, JsonParser parser) {
        MarkedYAMLException marked = marked(e);
        Diagnostic explained = marked == null ? null : YamlMistakes.explain(file, content, marked);
        if (explained != null) return explained;
        if (marked != null && marked.getProblemMark() != null) {
            var mark = marked.getProblemMark();
            String problem = clean(marked.getProblem());
            String context = marked.getContext() == null ? null : clean(marked.getContext());
            String message = context == null || context.isBlank() ? problem : context + ": " + problem;
            String help = "check this line and the one above it: the indentation, each `key: value` (a space after the colon), "
                    + "and that every quote and bracket is closed";
            return Diagnostic.error(SYNTAX, new SourceLocation(file, mark.getLine() + 1, mark.getColumn() + 1), message, help);
        }
        JsonLocation l = e instanceof JacksonException j ? j.getLocation() : null;
        if ((l == null || l.getLineNr() <= 0) && parser != null) l = parser.currentLocation();
        SourceLocation at = l != null && l.getLineNr() > 0
                ? new SourceLocation(file, l.getLineNr(), Math.max(1, l.getColumnNr()))
                : new SourceLocation(file, 1, 1);
        String message = e instanceof JacksonException j ? j.getOriginalMessage() : e.getMessage();
        return Diagnostic.error(SYNTAX, at, clean(firstLine(message)), null);
    }

    private static MarkedYAMLException marked(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MarkedYAMLException m) return m;
            if (t.getCause() == t) break;
        }
        return null;
    }

    /** Snakeyaml and Jackson messages, made to read like ours. */
    private static String clean(String raw) {
        if (raw == null || raw.isBlank()) return "invalid syntax";
        String s = firstLine(raw.strip())
                .replace("'\\t(TAB)'", "a tab")
                .replace("\\t(TAB)", "tab")
                .replace("<stream end>", "the end of the file")
                .replace("<block end>", "the end of a block")
                .replace("<block mapping start>", "the start of a mapping")
                .replaceAll(" \\(code \\d+\\)", "")
                .replaceAll("\\s*\\(Do not use .* for indentation\\)", "");
        s = s.replaceAll("\\.$", "");
        return s.isEmpty() ? "invalid syntax" : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
