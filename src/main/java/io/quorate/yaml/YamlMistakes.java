package io.quorate.yaml;

import io.quorate.diag.Diagnostic;
import io.quorate.diag.SourceLocation;
import java.util.ArrayDeque;
import java.util.Deque;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Says what a YAML syntax error is in the words of the person who made it: a tab, a quote or a
 * bracket left open, a key without {@code : }, a line indented too far or not far enough, a
 * character YAML reserves. The parser notices a mistake where it can no longer go on, often lines
 * later (an unclosed quote is noticed at the end of the file); this looks at the text around that
 * place for the line the person got wrong, points there, and says how to fix it. A mistake it
 * does not recognise keeps the parser's own words, cleaned, with general advice.
 */
final class YamlMistakes {

    private static final String QUOTES = "quote the value";

    private final String file;
    private final String[] lines;
    private final MarkedYAMLException e;
    private final String problem;
    private final String context;

    private YamlMistakes(String file, String content, MarkedYAMLException e) {
        this.file = file;
        this.lines = content.split("\r\n|\r|\n", -1);
        this.e = e;
        this.problem = e.getProblem() == null ? "" : e.getProblem();
        this.context = e.getContext() == null ? "" : e.getContext();
    }

    /** The diagnostic for the syntax error {@code e} in {@code content}, or null when it is not recognised. */
    static Diagnostic explain(String file, String content, MarkedYAMLException e) {
        if (e.getProblemMark() == null) return null;
        try {
            return new YamlMistakes(file, content, e).explain();
        } catch (RuntimeException unexpected) {
            // the advice reads the text by heuristics; on text they do not foresee, the parser's own words remain
            return null;
        }
    }

    private Diagnostic explain() {
        Mark at = e.getProblemMark();
        Mark from = e.getContextMark();
        if (problem.contains("\\t") || problem.contains("\t")) return tab(at);
        if (context.contains("quoted scalar") && problem.contains("escape")) return escape(at);
        Diagnostic quote = openQuote(context.contains("quoted scalar") && from != null ? from.getLine() : at.getLine());
        if (quote != null) return quote;
        if (context.contains("flow sequence") || context.contains("flow mapping")) {
            Diagnostic bracket = openBracket(from != null ? from.getLine() : at.getLine(), at);
            if (bracket != null) return bracket;
        }
        Diagnostic stray = strayCloser(at);
        if (stray != null) return stray;
        if (problem.contains("could not find expected ':'") && from != null) return noColon(from.getLine(), from.getColumn());
        if (context.contains("block collection") && (problem.contains("found '?'") || problem.contains("<block mapping start>"))) {
            Diagnostic dash = missingDash(at.getLine());
            if (dash != null) return dash;
        }
        if (problem.contains("mapping values are not allowed here")) return mappingValue(at);
        if (problem.contains("<block mapping start>") && from != null) return underIndented(at, from);
        if (problem.contains("found '-'")) return listItemAmongKeys(at);
        if (problem.contains("<block sequence start>")) return misalignedItem(at);
        if (context.contains("while scanning a block scalar")) return reserved(from != null ? from : at);
        if (problem.contains("<scalar>")) {
            Diagnostic after = textAfterQuote(at);
            if (after != null) return after;
        }
        if (problem.contains("that cannot start any token")) return reserved(at);
        if (problem.contains("<document start>")) {
            Diagnostic ended = afterDocumentEnd(at);
            if (ended != null) return ended;
        }
        if (context.contains("while scanning an alias") || context.contains("while scanning an anchor")) {
            return aliasWithoutName(from != null ? from : at);
        }
        return null;
    }

    // ---- the mistakes ----

    private Diagnostic tab(Mark at) {
        String line = line(at.getLine());
        int i = index(line, at.getColumn());
        boolean leading = line.substring(0, Math.min(i, line.length())).isBlank();
        if (leading) {
            return error(at.getLine(), i, "the line is indented with a tab",
                    "indent with spaces: YAML does not allow tabs in indentation (two spaces per level is usual)");
        }
        return error(at.getLine(), i, "a tab where YAML expects a space",
                "replace the tab with a space: `" + line.strip().replace('\t', ' ').replaceAll(" {2,}", " ") + "`");
    }

    private Diagnostic escape(Mark at) {
        String line = line(at.getLine());
        int i = Math.max(0, index(line, at.getColumn()) - 1);
        String escape = line.substring(i, Math.min(line.length(), i + 2));
        int open = quoteBefore(line, i, '"');
        String value = open < 0 ? null : closedAfter(line, open, '"');
        String help = value == null ? "use single quotes for text with backslashes, or write `\\\\` for one backslash"
                : "use single quotes for text with backslashes: `" + line.substring(0, open).stripLeading() + "'" + value + "'`, or write `\\\\` for one backslash";
        return error(at.getLine(), i, "`" + escape + "` is not an escape sequence YAML knows inside double quotes", help);
    }

    /** A quote opened on one of the lines up to {@code last} and not closed on its line. */
    private Diagnostic openQuote(int last) {
        for (int n = 0; n <= Math.min(last, lines.length - 1); n++) {
            String line = lines[n];
            int open = unclosedQuote(line);
            if (open < 0) continue;
            char q = line.charAt(open);
            String fixed = line.stripTrailing() + q;
            if (Flow.scan(line.substring(0, open)).unclosed >= 0) {
                // inside [ ] or { }: the value most likely ends at the next comma or closing bracket
                int end = open + 1;
                while (end < line.length() && ",]}".indexOf(line.charAt(end)) < 0) end++;
                fixed = line.substring(0, end).stripTrailing() + q + line.substring(end);
            }
            return error(n, open, "the quoted value starting here is not closed: its `" + q + "` has no closing `" + q + "` on this line",
                    "close the quote at the end of the value: `" + fixed.strip() + "`");
        }
        return null;
    }

    /** A bracket opened on line {@code n} that the parser found unclosed when it reached {@code at}. */
    private Diagnostic openBracket(int n, Mark at) {
        String line = line(n);
        Flow flow = Flow.scan(line);
        if (flow.mismatch >= 0) {
            char open = line.charAt(flow.unclosed);
            String closer = String.valueOf(Flow.closer(open));
            String fixed = line.substring(0, flow.mismatch) + closer + line.substring(flow.mismatch);
            return error(n, flow.unclosed, "the " + Flow.noun(open) + " opened here with `" + open + "` is not closed: `"
                    + line.charAt(flow.mismatch) + "` comes before its `" + closer + "`", "close it: `" + fixed.strip() + "`");
        }
        if (flow.unclosed >= 0) {
            char open = line.charAt(flow.unclosed);
            String closers = flow.closers();
            int last = at.getLine() > n ? Math.max(n, previousContent(at.getLine())) : n;
            String end = withoutComment(line(last)).strip();
            String where = last == n ? "" : " at the end of line " + (last + 1);
            return error(n, flow.unclosed, "the " + Flow.noun(open) + " opened here with `" + open + "` is never closed",
                    "close it with `" + closers + "`" + where + ": `" + end + closers + "`");
        }
        return null;
    }

    /** A {@code ]} or {@code }} that closes nothing. */
    private Diagnostic strayCloser(Mark at) {
        String line = line(at.getLine());
        Flow flow = Flow.scan(line);
        if (flow.stray < 0) return null;
        Diagnostic glued = gluedColon(at.getLine());
        if (glued != null) return glued;
        String fixed = line.substring(0, flow.stray) + line.substring(flow.stray + 1);
        return error(at.getLine(), flow.stray, "`" + line.charAt(flow.stray) + "` closes nothing: there is one too many",
                "remove it: `" + fixed.strip() + "`");
    }

    /** The simple key starting at {@code n}:{@code column} has no {@code :}. */
    private Diagnostic noColon(int n, int column) {
        Diagnostic dash = missingDash(n);
        if (dash != null) return dash;
        String line = line(n);
        String text = withoutComment(line).strip();
        Diagnostic glued = gluedColon(n);
        if (glued != null) return glued;
        String key = firstWord(text);
        int next = nextContent(n);
        boolean parent = next >= 0 && indent(lines[next]) > indent(line);
        String fixed = !text.equals(key) ? "`" + key + ": " + text.substring(key.length()).strip() + "`"
                : parent ? "`" + key + ":`" : "`" + key + ": ` followed by its value";
        return error(n, index(line, column), "`" + text + "` has no `:` after its key: each line of a mapping is `key: value`",
                "write " + fixed);
    }

    /** {@code key:value} on line {@code n}: a colon inside the line's first word with no space after it, or null. */
    private Diagnostic gluedColon(int n) {
        String line = line(n);
        String text = withoutComment(line).strip();
        int space = text.indexOf(' ');
        int end = space < 0 ? text.length() : space;
        for (int i = 1; i < end - 1; i++) {
            if (text.charAt(i) != ':' || text.charAt(i - 1) == ':' || text.charAt(i + 1) == ':') continue;
            String fixed = text.substring(0, i) + ": " + text.substring(i + 1).strip();
            return error(n, line.indexOf(text) + i, "`" + text + "` needs a space after its `:`",
                    "write `" + fixed + "`: a key is followed by `: `, colon and space");
        }
        return null;
    }

    /** Line {@code n} sits where the items of a list above it do, but does not start with {@code - }; null otherwise. */
    private Diagnostic missingDash(int n) {
        String line = line(n);
        String text = withoutComment(line).strip();
        if (text.startsWith("-")) return null;
        int indent = indent(line);
        for (int p = previousContent(n); p >= 0; p = previousContent(p)) {
            int i = indent(lines[p]);
            if (i < indent) return null;
            if (i == indent) {
                if (!withoutComment(lines[p]).strip().startsWith("- ")) return null;
                return error(n, indent, "`" + text + "` is where the items of the list above are, but does not start with `- `",
                        "start a new item with `- " + text + "`, or indent it under the item it belongs to");
            }
        }
        return null;
    }

    /** A list item indented unlike the items above it. */
    private Diagnostic misalignedItem(Mark at) {
        int n = at.getLine();
        String line = line(n);
        int indent = indent(line);
        int p = previousContent(n);
        while (p >= 0 && !withoutComment(lines[p]).strip().startsWith("-")) p = previousContent(p);
        String item = withoutComment(line).strip();
        if (p < 0) {
            return error(n, indent, "the list item `" + item + "` is indented unlike the lines above it",
                    "indent a list's items alike, under the key that holds the list");
        }
        int above = indent(lines[p]);
        return error(n, indent, "the list item `" + item + "` has " + count(indent) + " of indentation, the items above it " + count(above),
                "give it " + count(above) + " like the items above, so that it belongs to the same list");
    }

    /** "mapping values are not allowed here": a {@code : } where the parser reads a plain value. */
    private Diagnostic mappingValue(Mark at) {
        int n = at.getLine();
        String line = line(n);
        int colon = index(line, at.getColumn());
        int indent = indent(line);
        int keyEnd = keyColon(line);
        if (keyEnd >= 0 && keyEnd < colon) {
            String key = line.substring(indent, keyEnd);
            String value = withoutComment(line).substring(keyEnd + 1).strip();
            return error(n, index(line, at.getColumn()), "the value of `" + key + "` contains `: `, which YAML reads as another key",
                    QUOTES + ": `" + key + ": \"" + value.replace("\"", "\\\"") + "\"`");
        }
        int p = previousContent(n);
        if (p >= 0) {
            String prev = lines[p];
            int prevIndent = indent(prev);
            String prevText = withoutComment(prev).strip();
            if (prevIndent == indent && keyColon(prev) < 0 && !prevText.startsWith("-")) {
                return noColon(p, prevIndent);
            }
            if (prevIndent < indent && keyColon(prev) >= 0 && !withoutComment(prev).substring(keyColon(prev) + 1).isBlank()) {
                String key = firstKey(line);
                String prevKey = prev.substring(prevIndent, keyColon(prev));
                return error(n, indent, "`" + key + "` is indented more than `" + prevKey + "` above it, whose value is already given",
                        (prevIndent == 0 ? "start `" + key + "` at the beginning of the line" : "indent `" + key + "` " + by(prevIndent))
                                + ", as `" + prevKey + "`, if it is its sibling; "
                                + "or move `" + prevKey + "`'s value onto lines under it if `" + key + "` belongs inside");
            }
        }
        return null;
    }

    /** A key indented less than the keys above it but more than their parent. */
    private Diagnostic underIndented(Mark at, Mark block) {
        int n = at.getLine();
        String line = line(n);
        int indent = indent(line);
        String key = firstKey(line);
        int p = previousContent(n);
        int above = p < 0 ? -1 : indent(lines[p]);
        int outer = index(line(block.getLine()), block.getColumn());
        String outerKey = firstKey(line(block.getLine()));
        StringBuilder help = new StringBuilder("line it up with the key it belongs beside: ");
        if (above > indent) {
            help.append(count(above)).append(" as `").append(firstKey(lines[p])).append("` above it, or ");
        }
        help.append(count(outer)).append(" as `").append(outerKey).append("`");
        return error(n, indent, "`" + key + "` is indented " + by(indent) + ", which lines up with no key above it",
                help.toString());
    }

    private Diagnostic listItemAmongKeys(Mark at) {
        int n = at.getLine();
        String line = line(n);
        int i = index(line, at.getColumn());
        if (i != indent(line)) {
            String value = withoutComment(line).substring(i).strip();
            return error(n, i, "`" + value + "` starts with `- `, which YAML reads as a list item here",
                    "a list item starts its own line; " + QUOTES + " if the dash belongs to it");
        }
        int p = previousContent(n);
        String prevKey = p < 0 ? null : firstKey(lines[p]);
        String help = prevKey == null ? "write every entry of the mapping as `key: value`, or every one as a list item"
                : "to give `" + prevKey + "` a list, write `" + prevKey + ":` alone on its line and indent the items under it";
        return error(n, index(line, at.getColumn()), "a list item `" + withoutComment(line).strip() + "` among the keys of a mapping", help);
    }

    private Diagnostic textAfterQuote(Mark at) {
        int n = at.getLine();
        String line = line(n);
        int i = index(line, at.getColumn());
        int before = i - 1;
        while (before >= 0 && line.charAt(before) == ' ') before--;
        if (before < 0 || (line.charAt(before) != '"' && line.charAt(before) != '\'')) return null;
        char q = line.charAt(before);
        int open = quoteBefore(line, before - 1, q);
        if (open < 0) return null;
        String inside = line.substring(open + 1, before);
        String text = withoutComment(line);
        int end = text.length();
        if (Flow.scan(line.substring(0, open)).unclosed >= 0) {
            // inside [ ] or { }: the value ends at the next comma or closing bracket
            end = i;
            while (end < text.length() && ",]}".indexOf(text.charAt(end)) < 0) end++;
        }
        String rest = text.substring(i, end).strip();
        String fixed = line.substring(0, open) + q + inside + " " + rest + q + text.substring(end);
        return error(n, i, "`" + rest + "` follows the closing quote of `" + q + inside + q + "`",
                "put the whole value inside the quotes: `" + fixed.strip() + "`");
    }

    private Diagnostic reserved(Mark at) {
        int n = at.getLine();
        String line = line(n);
        int i = index(line, at.getColumn());
        char c = i < line.length() ? line.charAt(i) : ' ';
        String text = withoutComment(line);
        int end = text.length();
        if (Flow.scan(line.substring(0, Math.min(i, line.length()))).unclosed >= 0) {
            // inside [ ] or { }: the value ends at the next comma or closing bracket
            end = Math.min(i, text.length());
            while (end < text.length() && ",]}".indexOf(text.charAt(end)) < 0) end++;
        }
        String value = text.substring(Math.min(i, end), end).strip();
        String prefix = line.substring(0, Math.min(i, line.length())).strip();
        String after = text.substring(end).stripTrailing();
        String message = c == '`' ? "the value is in backticks, which YAML does not read as quotes"
                : c == '|' || c == '>' ? "`" + value + "` starts with `" + c + "`, which begins a block of text in YAML"
                : "`" + value + "` cannot start with `" + c + "`: YAML reserves it at the start of a value";
        return error(n, i, message,
                QUOTES + ": `" + (prefix.isEmpty() ? "" : prefix + " ") + "\"" + (c == '`' ? value.replace("`", "") : value) + "\"" + after + "`");
    }

    /** Content after a {@code ...} line, which ends the document. */
    private Diagnostic afterDocumentEnd(Mark at) {
        int p = previousContent(at.getLine());
        if (p < 0 || !lines[p].strip().equals("...")) return null;
        return error(p, 0, "`...` ends the document here, and the lines after it belong to none",
                "remove the `...` line: a file holds one document");
    }

        private Diagnostic aliasWithoutName(Mark at) {
        int n = at.getLine();
        String line = line(n);
        int i = index(line, at.getColumn());
        char c = i < line.length() ? line.charAt(i) : '*';
        String prefix = line.substring(0, Math.min(i, line.length())).strip();
        String value = withoutComment(line).substring(Math.min(i, line.length())).strip();
        String what = c == '&' ? "an anchor" : "an alias";
        return error(n, i, "`" + c + "` starts " + what + " in YAML, and no name follows it",
                QUOTES + " if `" + value + "` is meant as text: `" + (prefix.isEmpty() ? "" : prefix + " ") + "\"" + value + "\"`");
    }

    // ---- reading the lines ----

    private Diagnostic error(int line, int index, String message, String help) {
        String text = line(line);
        int column = text.codePointCount(0, Math.max(0, Math.min(index, text.length()))) + 1;
        return Diagnostic.error(YamlReader.SYNTAX, new SourceLocation(file, line + 1, column), message, help);
    }

    private String line(int n) {
        return n >= 0 && n < lines.length ? lines[n] : "";
    }

    /** The char index of the {@code column}-th code point of {@code line} (SnakeYAML counts code points). */
    private static int index(String line, int column) {
        try {
            return line.offsetByCodePoints(0, Math.min(column, line.codePointCount(0, line.length())));
        } catch (IndexOutOfBoundsException ex) {
            return Math.min(column, line.length());
        }
    }

    private int previousContent(int n) {
        for (int p = Math.min(n, lines.length) - 1; p >= 0; p--) {
            String s = lines[p].strip();
            if (!s.isEmpty() && !s.startsWith("#")) return p;
        }
        return -1;
    }

    private static int indent(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') i++;
        return i;
    }

    /** "4 spaces", "1 space", or "none". */
    private static String count(int n) {
        return n == 0 ? "none" : n + (n == 1 ? " space" : " spaces");
    }

    /** "by 4 spaces", or "at the start of the line". */
    private static String by(int n) {
        return n == 0 ? "at the start of the line" : "by " + n + (n == 1 ? " space" : " spaces");
    }

    private int nextContent(int n) {
        for (int p = n + 1; p < lines.length; p++) {
            String s = lines[p].strip();
            if (!s.isEmpty() && !s.startsWith("#")) return p;
        }
        return -1;
    }

    /** The index of the {@code :} that ends the line's key ({@code key: } or {@code key:} at the end), or -1. */
    private static int keyColon(String line) {
        String text = withoutComment(line);
        int start = indent(text);
        if (text.startsWith("- ", start)) start = indent(text.substring(start + 2)) + start + 2;
        if (start < text.length() && (text.charAt(start) == '"' || text.charAt(start) == '\'')) {
            int close = text.indexOf(text.charAt(start), start + 1);
            if (close < 0) return -1;
            start = close;
        }
        if (start < text.length() && (text.charAt(start) == '{' || text.charAt(start) == '[')) return -1;
        for (int i = start; i < text.length(); i++) {
            if (text.charAt(i) == ':' && (i + 1 == text.length() || text.charAt(i + 1) == ' ')) return i;
        }
        return -1;
    }

    private static String firstKey(String line) {
        String text = withoutComment(line).strip();
        if (text.startsWith("- ")) text = text.substring(2).strip();
        int colon = keyColon(text);
        return colon >= 0 ? text.substring(0, colon) : firstWord(text);
    }

    private static String firstWord(String text) {
        int i = 0;
        while (i < text.length() && text.charAt(i) != ' ' && text.charAt(i) != ':') i++;
        return text.substring(0, i);
    }

    /** The line without a trailing {@code # comment} (a {@code #} after a space, outside quotes). */
    static String withoutComment(String line) {
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
                else if (c == '\\' && quote == '"') i++;
            } else if ((c == '"' || c == '\'') && startsValue(line, i)) {
                quote = c;
            } else if (c == '#' && (i == 0 || line.charAt(i - 1) == ' ' || line.charAt(i - 1) == '\t')) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    /** A quote or bracket at {@code i} starts a value: only spaces, or one of {@code : - [ { , ?} and spaces, come before it. */
    static boolean startsValue(String line, int i) {
        int j = i - 1;
        while (j >= 0 && line.charAt(j) == ' ') j--;
        if (j < 0) return true;
        char c = line.charAt(j);
        return (c == ':' || c == '-' || c == '?') && j < i - 1 || c == '[' || c == '{' || c == ',';
    }

    /** The index of a quote that opens a value on {@code line} and is not closed on it, or -1. */
    static int unclosedQuote(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '#' && (i == 0 || line.charAt(i - 1) == ' ')) return -1;
            if ((c == '"' || c == '\'') && startsValue(line, i)) {
                int close = close(line, i);
                if (close < 0) return i;
                i = close;
            }
        }
        return -1;
    }

    /** The index of the quote closing the one at {@code open}, or -1. */
    private static int close(String line, int open) {
        char q = line.charAt(open);
        for (int i = open + 1; i < line.length(); i++) {
            char c = line.charAt(i);
            if (q == '"' && c == '\\') {
                i++;
            } else if (c == q) {
                if (q == '\'' && i + 1 < line.length() && line.charAt(i + 1) == '\'') {
                    i++;
                } else {
                    return i;
                }
            }
        }
        return -1;
    }

    /** The index of the quote {@code q} that opens the quoted value containing {@code i}, or -1. */
    private static int quoteBefore(String line, int i, char q) {
        for (int j = Math.min(i, line.length() - 1); j >= 0; j--) {
            if (line.charAt(j) == q && startsValue(line, j)) return j;
        }
        return -1;
    }

    /** The text inside the quote opening at {@code open}, or null when it is not closed on the line. */
    private static String closedAfter(String line, int open, char q) {
        int close = close(line, open);
        return close < 0 ? null : line.substring(open + 1, close);
    }

    /** How the brackets of one line nest: the first unclosed opener, a closer of the wrong kind, a closer with nothing open. */
    private static final class Flow {
        int unclosed = -1;
        int mismatch = -1;
        int stray = -1;
        final Deque<Character> open = new ArrayDeque<>();

        static Flow scan(String line) {
            Flow f = new Flow();
            Deque<Integer> at = new ArrayDeque<>();
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c == '#' && (i == 0 || line.charAt(i - 1) == ' ')) break;
                if ((c == '"' || c == '\'') && startsValue(line, i)) {
                    int close = close(line, i);
                    if (close < 0) break;
                    i = close;
                } else if ((c == '[' || c == '{') && (!f.open.isEmpty() || startsValue(line, i))) {
                    f.open.push(c);
                    at.push(i);
                } else if ((c == ']' || c == '}') && !f.open.isEmpty()) {
                    if (closer(f.open.peek()) != c) {
                        f.mismatch = i;
                        f.unclosed = at.peek();
                        return f;
                    }
                    f.open.pop();
                    at.pop();
                } else if (c == ']' || c == '}') {
                    if (f.stray < 0) f.stray = i;
                    return f;
                }
            }
            if (!at.isEmpty()) f.unclosed = at.peekLast();
            return f;
        }

        /** The closers the line still needs, innermost first. */
        String closers() {
            StringBuilder s = new StringBuilder();
            for (char c : open) s.append(closer(c));
            return s.toString();
        }

        static char closer(char open) {
            return open == '[' ? ']' : '}';
        }

        static String noun(char open) {
            return open == '[' ? "list" : "mapping";
        }
    }
}
