package io.quorate.format;

import io.quorate.format.Tree.Document;
import io.quorate.format.Tree.Entry;
import io.quorate.format.Tree.Item;
import io.quorate.format.Tree.Mapping;
import io.quorate.format.Tree.Node;
import io.quorate.format.Tree.Scalar;
import io.quorate.format.Tree.Sequence;
import io.quorate.format.Tree.Unit;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Builds a {@link Tree} from YAML text: SnakeYAML's node tree gives structure, styles and
 * positions; the comments are found in the text between the scalars and given to the entry whose
 * line they end or precede, so that they move with it.
 */
final class TreeReader {

    private final String text;
    private final int[] lineStarts;
    private final int[] charOfCodePoint;
    private final List<int[]> scalarSpans = new ArrayList<>();
    private final List<Unit> blockUnits = new ArrayList<>();
    private int alignGroups;
    private final Map<Integer, List<Unit>> unitsByStart = new java.util.HashMap<>();
    private final Map<Integer, List<Unit>> unitsByLast = new java.util.HashMap<>();
    private final java.util.Set<Integer> commentLines = new java.util.HashSet<>();
    private final Map<org.yaml.snakeyaml.nodes.Node, Boolean> seen = new IdentityHashMap<>();

    private TreeReader(String text) {
        this.text = text;
        this.lineStarts = lineStarts(text);
        this.charOfCodePoint = text.codePointCount(0, text.length()) == text.length() ? null : codePoints(text);
    }

    /** The document in {@code text} (which the loader has accepted), or why the formatter leaves it alone. */
    static Document read(String text) throws Unsupported {
        Document doc = new Document();
        String body = text;
        if (body.startsWith("\uFEFF")) {
            doc.bom = true;
            body = body.substring(1);
        }
        doc.crlf = body.contains("\r\n");
        body = body.replace("\r\n", "\n");
        return new TreeReader(body).build(doc);
    }

    private Document build(Document doc) throws Unsupported {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(Integer.MAX_VALUE);
        options.setNestingDepthLimit(Integer.MAX_VALUE);
        org.yaml.snakeyaml.nodes.Node root = new Yaml(options).compose(new StringReader(text));
        if (root == null) throw new Unsupported("the file holds no document", 0, 0);
        doc.root = node(root, 0);
        boolean flowRoot = doc.root instanceof Mapping m ? m.flow : doc.root instanceof Sequence s && s.flow;
        if (flowRoot && doc.root.lastLine > doc.root.startLine) {
            throw new Unsupported("a document written as JSON over several lines is kept as written: fmt lays out YAML",
                    doc.root.startLine, 0);
        }
        attachComments(doc);
        return doc;
    }

    private Node node(org.yaml.snakeyaml.nodes.Node n, int depth) throws Unsupported {
        Mark start = n.getStartMark();
        if (seen.put(n, Boolean.TRUE) != null || n.getAnchor() != null) {
            throw new Unsupported("anchors and aliases are kept as written: write the repeated part out to format the file",
                    start.getLine(), start.getColumn());
        }
        int from = index(start);
        if (from < text.length() && (text.charAt(from) == '!' || text.charAt(from) == '&')) {
            if (!(n instanceof ScalarNode)) {
                throw new Unsupported("tagged collections are kept as written", start.getLine(), start.getColumn());
            }
        }
        Node out;
        if (n instanceof ScalarNode s) {
            out = scalar(s);
        } else if (n instanceof MappingNode m) {
            Mapping mapping = new Mapping(m.getFlowStyle() == DumperOptions.FlowStyle.FLOW);
            int previousLine = -1;
            for (NodeTuple t : m.getValue()) {
                if (!(t.getKeyNode() instanceof ScalarNode keyNode)) {
                    throw new Unsupported("complex keys (`? …`) are kept as written", t.getKeyNode().getStartMark().getLine(),
                            t.getKeyNode().getStartMark().getColumn());
                }
                Scalar key = scalar(keyNode);
                if (key.source.contains("\n")) {
                    throw new Unsupported("multi-line keys are kept as written", key.startLine, 0);
                }
                Entry e = new Entry(key, node(t.getValueNode(), depth + 1));
                e.startLine = key.startLine;
                e.depth = depth;
                e.breakBefore = previousLine >= 0 && key.startLine > previousLine;
                previousLine = e.value.lastLine;
                Mark valueStart = t.getValueNode().getStartMark();
                e.keyColumn = keyNode.getStartMark().getColumn();
                e.valueColumn = valueStart.getLine() == keyNode.getStartMark().getLine() ? valueStart.getColumn() : -1;
                mapping.entries.add(e);
                if (!mapping.flow) blockUnits.add(e);
            }
            if (!mapping.flow) markAlignment(mapping);
            out = mapping;
        } else {
            SequenceNode s = (SequenceNode) n;
            Sequence sequence = new Sequence(s.getFlowStyle() == DumperOptions.FlowStyle.FLOW);
            int previousLine = -1;
            for (org.yaml.snakeyaml.nodes.Node child : s.getValue()) {
                Item item = new Item(node(child, depth + 1));
                item.depth = depth;
                item.startLine = sequence.flow ? child.getStartMark().getLine() : dashLine(child);
                item.breakBefore = previousLine >= 0 && child.getStartMark().getLine() > previousLine;
                previousLine = item.value.lastLine;
                sequence.items.add(item);
                if (!sequence.flow) blockUnits.add(item);
            }
            out = sequence;
        }
        out.startLine = start.getLine();
        out.lastLine = lastLine(n, out);
        return out;
    }

    /**
     * Runs of entries whose values the author aligned in one column, with at least one padded
     * beyond the single space: they form a group the printer keeps aligned.
     */
    private void markAlignment(Mapping m) {
        int i = 0;
        List<Entry> entries = m.entries;
        while (i < entries.size()) {
            Entry first = entries.get(i);
            int j = i + 1;
            if (inlineValue(first)) {
                while (j < entries.size() && inlineValue(entries.get(j)) && entries.get(j).valueColumn == first.valueColumn) j++;
            }
            boolean padded = false;
            for (int k = i; k < j; k++) {
                Entry e = entries.get(k);
                padded |= e.valueColumn - (e.keyColumn + e.key.source.length() + 1) > 1;
            }
            if (j - i >= 2 && padded) {
                alignGroups++;
                for (int k = i; k < j; k++) entries.get(k).alignGroup = alignGroups;
            }
            i = j;
        }
    }

    private static boolean inlineValue(Entry e) {
        if (e.valueColumn < 0) return false;
        if (e.value instanceof Scalar s) return !s.source.isEmpty() && !s.isBlock();
        return e.value instanceof Mapping m ? m.flow || m.entries.isEmpty() : ((Sequence) e.value).flow || ((Sequence) e.value).items.isEmpty();
    }

    /** The line of a block sequence item's dash: the item's own start, or an earlier line when the value starts below it. */
    private int dashLine(org.yaml.snakeyaml.nodes.Node child) {
        int i = index(child.getStartMark()) - 1;
        while (i >= 0 && text.charAt(i) != '-') i--;
        return i < 0 ? child.getStartMark().getLine() : lineOf(i);
    }

    private int lastLine(org.yaml.snakeyaml.nodes.Node n, Node out) {
        if (out instanceof Mapping m && !m.flow && !m.entries.isEmpty()) return m.entries.get(m.entries.size() - 1).value.lastLine;
        if (out instanceof Sequence s && !s.flow && !s.items.isEmpty()) return s.items.get(s.items.size() - 1).value.lastLine;
        int end = index(n.getEndMark());
        int last = Math.max(index(n.getStartMark()), end - 1);
        while (last > index(n.getStartMark()) && Character.isWhitespace(text.charAt(last))) last--;
        return lineOf(Math.max(0, Math.min(last, text.length() - 1)));
    }

    private Scalar scalar(ScalarNode s) throws Unsupported {
        int from = index(s.getStartMark());
        int to = index(s.getEndMark());
        String source = text.substring(from, Math.min(to, text.length()));
        char style = switch (s.getScalarStyle()) {
            case PLAIN -> 'p';
            case SINGLE_QUOTED -> '\'';
            case DOUBLE_QUOTED -> '"';
            case LITERAL -> '|';
            case FOLDED -> '>';
            default -> 'p';
        };
        if (style == '|' || style == '>') {
            source = source.stripTrailing();
            String header = source.lines().findFirst().orElse("");
            if (header.chars().anyMatch(Character::isDigit) || header.contains("+")) {
                throw new Unsupported("block scalars with an indentation indicator or `+` are kept as written",
                        s.getStartMark().getLine(), s.getStartMark().getColumn());
            }
        }
        Scalar out = new Scalar(source, style, s.getTag().getValue(), s.getValue());
        out.startLine = s.getStartMark().getLine();
        scalarSpans.add(new int[] {from, Math.min(to, text.length())});
        return out;
    }

    // ---- comments

    private record Comment(int line, int column, String text, boolean trailing) {
    }

    private List<Comment> comments() {
        scalarSpans.sort(Comparator.comparingInt(a -> a[0]));
        List<Comment> out = new ArrayList<>();
        int span = 0;
        for (int line = 0; line < lineStarts.length; line++) {
            int start = lineStarts[line];
            int end = line + 1 < lineStarts.length ? lineStarts[line + 1] - 1 : text.length();
            boolean content = false;
            for (int i = start; i < end; i++) {
                while (span < scalarSpans.size() && scalarSpans.get(span)[1] <= i) span++;
                if (span < scalarSpans.size() && scalarSpans.get(span)[0] <= i) {
                    i = scalarSpans.get(span)[1] - 1;
                    content = true;
                    continue;
                }
                char c = text.charAt(i);
                if (c == '#' && (i == start || Character.isWhitespace(text.charAt(i - 1)))) {
                    out.add(new Comment(line, i - start, text.substring(i, end).stripTrailing(), content));
                    break;
                }
                if (!Character.isWhitespace(c)) content = true;
            }
        }
        return out;
    }

    private boolean blank(int line) {
        if (line < 0 || line >= lineStarts.length) return false;
        int start = lineStarts[line];
        int end = line + 1 < lineStarts.length ? lineStarts[line + 1] - 1 : text.length();
        return text.substring(start, end).isBlank();
    }

    /** True when {@code line} holds something other than blanks and a comment. */
    private boolean hasContent(int line, List<Comment> comments, int index) {
        if (blank(line) || commentLines.contains(line)) return false;
        String l = lineText(line).strip();
        return !l.equals("---") && !l.equals("...");
    }

    private String lineText(int line) {
        int start = lineStarts[line];
        int end = line + 1 < lineStarts.length ? lineStarts[line + 1] - 1 : text.length();
        return text.substring(start, end);
    }

    private void attachComments(Document doc) {
        List<Comment> comments = comments();
        for (Comment c : comments) {
            if (!c.trailing) commentLines.add(c.line);
        }
        for (Unit u : blockUnits) {
            unitsByStart.computeIfAbsent(u.startLine, k -> new ArrayList<>()).add(u);
            unitsByLast.computeIfAbsent(u.value().lastLine, k -> new ArrayList<>()).add(u);
        }
        int firstContent = doc.root.startLine;
        Unit continued = null;
        int continuedColumn = -1;
        int continuedLine = -1;
        for (int ci = 0; ci < comments.size(); ci++) {
            Comment c = comments.get(ci);
            if (c.trailing) {
                Unit unit = deepestStartingOn(c.line);
                if (unit != null && unit.trailing.isEmpty()) {
                    unit.trailing.add(c.text);
                    unit.trailingColumn = c.column;
                    continued = unit;
                    continuedColumn = c.column;
                    continuedLine = c.line;
                } else {
                    Unit inner = deepestContaining(c.line);
                    if (inner != null) inner.leading.add(c.text);
                    else doc.header.add(c.text);
                    continued = null;
                }
                continue;
            }
            if (continued != null && c.line == continuedLine + 1 && c.column == continuedColumn) {
                continued.trailing.add(c.text);
                continuedLine = c.line;
                continue;
            }
            continued = null;
            Unit hung = hangsBelow(c, comments, ci);
            if (hung != null) {
                if (hung.after.isEmpty()) hung.afterColumn = c.column;
                hung.after.add(c.text);
                continued = null;
                continue;
            }
            if (c.line < firstContent) {
                if (!doc.header.isEmpty() && blank(c.line - 1)) doc.header.add("");
                doc.header.add(c.text);
                continue;
            }
            int next = c.line + 1;
            while (next < lineStarts.length && !hasContent(next, comments, ci)) next++;
            if (next >= lineStarts.length || next > doc.root.lastLine) {
                if (!doc.footer.isEmpty() && blank(c.line - 1)) doc.footer.add("");
                else if (doc.footer.isEmpty() && blank(c.line - 1)) doc.footer.add("");
                doc.footer.add(c.text);
                continue;
            }
            Unit unit = outermostStartingOn(next);
            if (unit == null) unit = deepestContaining(next);
            if (unit == null) {
                doc.header.add(c.text);
                continue;
            }
            if (unit.leading.isEmpty()) {
                unit.blankBefore = blank(c.line - 1);
            } else if (blank(c.line - 1)) {
                unit.leading.add("");
            }
            unit.leading.add(c.text);
        }
        if (!doc.header.isEmpty() && blank(firstContent - 1)) doc.header.add("");
        for (Unit u : blockUnits) {
            if (u.startLine == firstContent) {
                u.blankBefore = false;
            } else if (u.leading.isEmpty()) {
                u.blankBefore = blank(u.startLine - 1);
            } else if (blank(u.startLine - 1)) {
                u.leading.add("");
            }
        }
    }

    /**
     * The unit whose value ends on the line above {@code c}, when {@code c} is indented past the
     * next content line and that value is written on its unit's lines (a note under a long value).
     */
    private Unit hangsBelow(Comment c, List<Comment> comments, int index) {
        int above = c.line - 1;
        while (above >= 0 && !blank(above) && !hasContent(above, comments, 0)) above--;
        if (above < 0 || blank(above)) return null;
        Unit unit = null;
        for (Unit u : unitsByLast.getOrDefault(above, List.of())) {
            if (u.startLine <= above && (unit == null || u.depth > unit.depth)) unit = u;
        }
        if (unit == null || unit.value() instanceof Mapping m && !m.flow || unit.value() instanceof Sequence s && !s.flow) return null;
        if (!unit.after.isEmpty() && unit.afterColumn != c.column) return null;
        int next = c.line + 1;
        while (next < lineStarts.length && !hasContent(next, comments, index)) next++;
        int nextIndent = next < lineStarts.length ? indentation(next) : 0;
        int unitIndent = indentation(unit.startLine);
        return c.column > nextIndent && c.column > unitIndent ? unit : null;
    }

    private int indentation(int line) {
        String l = lineText(line);
        return l.length() - l.stripLeading().length();
    }

    private Unit deepestStartingOn(int line) {
        Unit best = null;
        for (Unit u : unitsByStart.getOrDefault(line, List.of())) {
            if (best == null || u.depth > best.depth) best = u;
        }
        return best;
    }

    private Unit outermostStartingOn(int line) {
        Unit best = null;
        for (Unit u : unitsByStart.getOrDefault(line, List.of())) {
            if (best == null || u.depth < best.depth) best = u;
        }
        return best;
    }

    private Unit deepestContaining(int line) {
        Unit best = null;
        for (Unit u : blockUnits) {
            if (u.startLine <= line && line <= u.value().lastLine && (best == null || u.depth > best.depth)) best = u;
        }
        return best;
    }

    // ---- positions

    private int index(Mark mark) {
        int cp = mark.getIndex();
        if (charOfCodePoint == null) return Math.min(cp, text.length());
        return cp >= charOfCodePoint.length ? text.length() : charOfCodePoint[cp];
    }

    private int lineOf(int charIndex) {
        int lo = 0;
        int hi = lineStarts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStarts[mid] <= charIndex) lo = mid;
            else hi = mid - 1;
        }
        return lo;
    }

    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') starts.add(i + 1);
        }
        if (starts.size() > 1 && starts.get(starts.size() - 1) == text.length()) starts.remove(starts.size() - 1);
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int[] codePoints(String text) {
        int[] out = new int[text.codePointCount(0, text.length()) + 1];
        int cp = 0;
        for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) out[cp++] = i;
        out[cp] = text.length();
        return out;
    }
}
