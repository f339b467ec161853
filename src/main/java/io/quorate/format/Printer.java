package io.quorate.format;

import io.quorate.format.Tree.Document;
import io.quorate.format.Tree.Entry;
import io.quorate.format.Tree.Item;
import io.quorate.format.Tree.Mapping;
import io.quorate.format.Tree.Node;
import io.quorate.format.Tree.Scalar;
import io.quorate.format.Tree.Sequence;
import io.quorate.format.Tree.Unit;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a {@link Tree} in the canonical layout: two spaces per level, block lists indented under
 * their key, flow collections on the lines their author broke them at, values aligned where the
 * author aligned them, every comment beside or above the entry it belongs to.
 */
final class Printer {

    static final int INDENT = 2;

    private final StringBuilder out = new StringBuilder();

    private Printer() {
    }

    static String print(Document doc) {
        Printer p = new Printer();
        p.document(doc);
        String text = p.out.toString();
        if (doc.crlf) text = text.replace("\n", "\r\n");
        return doc.bom ? "\uFEFF" + text : text;
    }

    private void document(Document doc) {
        for (String line : doc.header) out.append(line).append('\n');
        Node root = doc.root;
        if (root instanceof Mapping m && !m.flow && !m.entries.isEmpty()) {
            blockMapping(m, 0, false);
        } else if (root instanceof Sequence s && !s.flow && !s.items.isEmpty()) {
            blockSequence(s, 0, false);
        } else {
            out.append(render(root, 0, INDENT)).append('\n');
        }
        for (String line : doc.footer) out.append(line).append('\n');
        while (out.length() > 1 && out.charAt(out.length() - 1) == '\n' && out.charAt(out.length() - 2) == '\n') {
            out.setLength(out.length() - 1);
        }
    }

    private void blockMapping(Mapping m, int indent, boolean firstInline) {
        int[] widths = alignment(m);
        for (int i = 0; i < m.entries.size(); i++) {
            Entry e = m.entries.get(i);
            if (!(firstInline && i == 0)) {
                leading(e, indent);
                out.append(" ".repeat(indent));
            }
            out.append(e.key.source).append(':');
            Node v = e.value;
            if (isBlock(v)) {
                trailing(e);
                out.append('\n');
                if (v instanceof Mapping vm) {
                    blockMapping(vm, indent + INDENT, false);
                } else {
                    blockSequence((Sequence) v, indent + INDENT, false);
                }
            } else if (v instanceof Scalar s && s.source.isEmpty()) {
                trailing(e);
                out.append('\n');
                after(e, indent);
            } else {
                out.append(" ".repeat(1 + Math.max(0, widths[i] - e.key.source.length())));
                inline(e, v, indent);
            }
        }
    }

    private void blockSequence(Sequence s, int indent, boolean firstInline) {
        for (int i = 0; i < s.items.size(); i++) {
            Item item = s.items.get(i);
            Node v = item.value;
            List<String> above = new ArrayList<>();
            if (isBlock(v)) hoistFirstInline(item, v, above);
            if (!(firstInline && i == 0)) {
                item.leading.addAll(above);
                leading(item, indent);
                out.append(" ".repeat(indent));
            } else if (!above.isEmpty()) {
                // an item that starts on its parent's line cannot have lines above it there: keep the comments at its end
                item.trailing.addAll(above);
            }
            if (v instanceof Mapping vm && !vm.flow && !vm.entries.isEmpty()) {
                out.append("- ");
                blockMapping(vm, indent + INDENT, true);
            } else if (v instanceof Sequence vs && !vs.flow && !vs.items.isEmpty()) {
                out.append("- ");
                blockSequence(vs, indent + INDENT, true);
            } else if (v instanceof Scalar sc && sc.source.isEmpty()) {
                out.append('-');
                trailing(item);
                out.append('\n');
                after(item, indent);
            } else {
                out.append("- ");
                inline(item, v, indent);
            }
        }
    }

    /**
     * A block collection in a list item starts on the dash's line, so its first entry can have no
     * comment lines of its own: they go above the dash, and the item's end-of-line comment moves to
     * that first entry when it has none.
     */
    private static void hoistFirstInline(Item item, Node v, List<String> above) {
        Unit first = v instanceof Mapping m ? m.entries.get(0) : ((Sequence) v).items.get(0);
        if (!item.trailing.isEmpty()) {
            if (first.trailing.isEmpty()) {
                first.trailing.addAll(item.trailing);
                first.trailingColumn = item.trailingColumn;
            } else {
                above.addAll(item.trailing);
            }
            item.trailing.clear();
        }
        above.addAll(first.leading);
        first.leading.clear();
        first.blankBefore = false;
        Node inner = first.value();
        if (first instanceof Item firstItem && isBlock(inner)) hoistFirstInline(firstItem, inner, above);
    }

    private static boolean isBlock(Node v) {
        return v instanceof Mapping m && !m.flow && !m.entries.isEmpty() || v instanceof Sequence s && !s.flow && !s.items.isEmpty();
    }

    /** A value written on its unit's line; the unit's end-of-line comment follows the first line. */
    private void inline(Unit unit, Node v, int indent) {
        String text = render(v, column(), indent + INDENT);
        int nl = text.indexOf('\n');
        out.append(nl < 0 ? text : text.substring(0, nl));
        trailing(unit);
        out.append('\n');
        if (nl >= 0) out.append(text.substring(nl + 1)).append('\n');
        after(unit, indent);
    }

    private void after(Unit unit, int indent) {
        int at = unit.afterColumn > indent ? unit.afterColumn : indent + INDENT;
        for (String line : unit.after) out.append(" ".repeat(at)).append(line).append('\n');
    }

    private void leading(Unit unit, int indent) {
        if (unit.blankBefore && !endsWithBlankLine()) out.append('\n');
        for (String line : unit.leading) {
            if (line.isEmpty()) {
                if (!endsWithBlankLine()) out.append('\n');
            } else {
                out.append(" ".repeat(indent)).append(line).append('\n');
            }
        }
    }

    private boolean endsWithBlankLine() {
        int n = out.length();
        return n == 0 || n >= 2 && out.charAt(n - 1) == '\n' && out.charAt(n - 2) == '\n';
    }

    private void trailing(Unit unit) {
        if (unit.trailing.isEmpty()) return;
        int col = column();
        int at = unit.trailingColumn > col ? unit.trailingColumn : col + 2;
        out.append(" ".repeat(at - col)).append(unit.trailing.get(0));
        for (int i = 1; i < unit.trailing.size(); i++) out.append('\n').append(" ".repeat(at)).append(unit.trailing.get(i));
    }

    private int column() {
        return out.length() - (out.lastIndexOf("\n") + 1);
    }

    /** Values aligned in one column by their author stay aligned: the width of the longest key of each run. */
    private static int[] alignment(Mapping m) {
        int[] widths = new int[m.entries.size()];
        int i = 0;
        while (i < widths.length) {
            int group = m.entries.get(i).alignGroup;
            int j = i;
            int width = 0;
            while (j < widths.length && group >= 0 && m.entries.get(j).alignGroup == group) {
                width = Math.max(width, m.entries.get(j).key.source.length());
                j++;
            }
            if (j == i) {
                widths[i] = m.entries.get(i).key.source.length();
                i++;
                continue;
            }
            for (int k = i; k < j; k++) widths[k] = width;
            i = j;
        }
        return widths;
    }

    // ---- one value, written from column `col`; continuation lines of scalars at `indent`

    static String render(Node v, int col, int indent) {
        StringBuilder sb = new StringBuilder();
        render(v, sb, col, indent);
        return sb.toString();
    }

    private static void render(Node v, StringBuilder sb, int col, int indent) {
        if (v instanceof Scalar s) {
            scalar(s, sb, indent);
        } else if (v instanceof Mapping m) {
            int open = currentColumn(sb, col);
            sb.append('{');
            for (int i = 0; i < m.entries.size(); i++) {
                Entry e = m.entries.get(i);
                separator(sb, i, e.breakBefore, open);
                sb.append(e.key.source).append(':');
                if (!(e.value instanceof Scalar s && s.source.isEmpty())) {
                    sb.append(' ');
                    render(e.value, sb, col, indent);
                }
            }
            sb.append('}');
        } else {
            Sequence s = (Sequence) v;
            int open = currentColumn(sb, col);
            sb.append('[');
            for (int i = 0; i < s.items.size(); i++) {
                Item item = s.items.get(i);
                separator(sb, i, item.breakBefore, open);
                render(item.value, sb, col, indent);
            }
            sb.append(']');
        }
    }

    private static void separator(StringBuilder sb, int index, boolean breakBefore, int open) {
        if (index == 0) return;
        sb.append(',');
        if (breakBefore) sb.append('\n').append(" ".repeat(open + 1));
        else sb.append(' ');
    }

    private static int currentColumn(StringBuilder sb, int col) {
        int nl = sb.lastIndexOf("\n");
        return nl < 0 ? col + sb.length() : sb.length() - nl - 1;
    }

    private static void scalar(Scalar s, StringBuilder sb, int indent) {
        if (!s.source.contains("\n")) {
            sb.append(s.source);
            return;
        }
        List<String> lines = s.source.lines().toList();
        sb.append(lines.get(0));
        if (s.isBlock()) {
            int min = Integer.MAX_VALUE;
            for (int i = 1; i < lines.size(); i++) {
                String l = lines.get(i);
                if (!l.isBlank()) min = Math.min(min, l.length() - l.stripLeading().length());
            }
            for (int i = 1; i < lines.size(); i++) {
                String l = lines.get(i);
                sb.append('\n');
                if (!l.isBlank()) sb.append(" ".repeat(indent)).append(l.substring(min));
            }
            return;
        }
        for (int i = 1; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            sb.append('\n');
            if (!l.isEmpty()) sb.append(" ".repeat(indent)).append(l);
        }
    }
}
