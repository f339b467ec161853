package io.quorate.testing;

import io.quorate.engine.Decision;
import io.quorate.engine.Outcome;
import io.quorate.engine.Reason;
import io.quorate.plan.PlanReport;
import io.quorate.plan.StepReport;
import io.quorate.yaml.YamlMapping;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Writes what {@code --update} recorded into a test file's text: an {@code expect:} added to each
 * case that had none, at the case's own indentation, after its last line. Nothing else of the text
 * changes: comments, blank lines, quoting and order stay as written. A case written as a flow
 * mapping ({@code - {name: …, transaction: {…}}}) gets {@code , expect: {…}} before its closing brace.
 */
final class ExpectWriter {

    /** One field of the recorded expectation, its value already written as YAML flow text. */
    record Field(String key, String value) {
    }

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.@/+=-]*");

    private ExpectWriter() {
    }

    /** A decision as an expectation: decision, reason codes, the authority that satisfied it, keys used and unused, what is missing. */
    static List<Field> decision(Decision d) {
        List<Field> out = new ArrayList<>();
        out.add(new Field("decision", d.decision().label()));
        out.add(new Field("reasons", list(d.reasons().stream().map(Reason::code).toList())));
        out.add(new Field("satisfied_by", d.satisfiedBy() == null ? "null" : scalar(d.satisfiedBy())));
        out.add(new Field("used_keys", list(d.usedKeys())));
        out.add(new Field("unused_keys", list(d.unusedKeys())));
        if (d.decision() == Outcome.DENY) {
            out.add(new Field("missing", "[" + d.missing().stream().map(ExpectWriter::list).collect(Collectors.joining(", ")) + "]"));
        }
        return out;
    }

    /** A plan's outcome as an expectation: its verdict and each step's. */
    static List<Field> plan(PlanReport report) {
        List<Field> out = new ArrayList<>();
        out.add(new Field("verdict", report.verdict()));
        out.add(new Field("steps", "[" + report.steps().stream().map(StepReport::verdict)
                .map(v -> "{verdict: " + v.label() + "}").collect(Collectors.joining(", ")) + "]"));
        return out;
    }

    static String list(List<String> items) {
        return "[" + items.stream().map(ExpectWriter::scalar).collect(Collectors.joining(", ")) + "]";
    }

    /** A plain scalar when YAML reads it back as the same text, else a double-quoted one. */
    static String scalar(String s) {
        if (PLAIN.matcher(s).matches() && !s.equals("null") && !s.equals("true") && !s.equals("false") && !s.equals("~")) return s;
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** The text with each case's recorded {@code expect:} inserted; cases are edited from the last up, so earlier offsets hold. */
    static String insert(String text, Map<TestCase, List<Field>> recordings) {
        String newline = text.contains("\r\n") ? "\r\n" : "\n";
        List<String> lines = new ArrayList<>(List.of(text.split("\r?\n", -1)));
        List<Map.Entry<TestCase, List<Field>>> cases = new ArrayList<>(recordings.entrySet());
        cases.sort(Comparator.comparingInt((Map.Entry<TestCase, List<Field>> e) -> e.getKey().at().line()).reversed());
        for (Map.Entry<TestCase, List<Field>> e : cases) insert(lines, e.getKey().node(), e.getValue());
        return String.join(newline, lines);
    }

    private static void insert(List<String> lines, YamlMapping node, List<Field> fields) {
        YamlMapping.Entry first = node.entries().get(0);
        int keyLine = first.keyAt().line() - 1;
        int indent = first.keyAt().column() - 1;
        String before = lines.get(keyLine).substring(0, Math.min(indent, lines.get(keyLine).length())).stripTrailing();
        boolean flow = before.endsWith("{");
        int last = lastLine(lines, keyLine, indent);
        if (flow) {
            String line = lines.get(last);
            int close = closingBrace(line);
            String value = "{" + fields.stream().map(f -> f.key() + ": " + f.value()).collect(Collectors.joining(", ")) + "}";
            lines.set(last, line.substring(0, close).stripTrailing() + ", expect: " + value + line.substring(close));
            return;
        }
        String pad = " ".repeat(indent);
        List<String> block = new ArrayList<>();
        block.add(pad + "expect:");
        for (Field f : fields) block.add(pad + "  " + f.key() + ": " + f.value());
        lines.addAll(last + 1, block);
    }

    /**
     * The case's last line of content: the lines after its first key that are indented at least as
     * far as its keys belong to it; blank lines and comments in between belong to whatever follows.
     */
    private static int lastLine(List<String> lines, int keyLine, int indent) {
        int last = keyLine;
        for (int i = keyLine + 1; i < lines.size(); i++) {
            String l = lines.get(i);
            String stripped = l.strip();
            if (stripped.isEmpty() || stripped.startsWith("#")) continue;
            int lead = l.length() - l.stripLeading().length();
            if (lead < indent || stripped.equals("---") || stripped.equals("...")) break;
            last = i;
        }
        return last;
    }

    /** Where the flow mapping that closes on this line ends: its last {@code }} outside quotes and comments. */
    private static int closingBrace(String line) {
        int close = -1;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
                continue;
            }
            if (c == '"' || c == '\'') quote = c;
            else if (c == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) break;
            else if (c == '}') close = i;
        }
        return close < 0 ? line.length() : close;
    }
}
