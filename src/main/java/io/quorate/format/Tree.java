package io.quorate.format;

import java.util.ArrayList;
import java.util.List;

/**
 * A YAML document as the formatter rewrites it: the text of every scalar as written, the style of
 * every collection, and the comments and blank lines of the lines each entry occupies.
 */
final class Tree {

    private Tree() {
    }

    /** A node, with the line (0-based) it starts on and the last line its content reaches. */
    abstract static sealed class Node permits Scalar, Mapping, Sequence {
        int startLine;
        int lastLine;
    }

    /** A scalar: {@code source} as written (quotes, block header and lines included), and what it means. */
    static final class Scalar extends Node {
        String source;
        final char style;
        final String tag;
        String value;

        Scalar(String source, char style, String tag, String value) {
            this.source = source;
            this.style = style;
            this.tag = tag;
            this.value = value;
        }

        boolean isBlock() {
            return style == '|' || style == '>';
        }

        boolean isPlainOrQuoted() {
            return style == 'p' || style == '"' || style == '\'';
        }
    }

    static final class Mapping extends Node {
        final boolean flow;
        final List<Entry> entries = new ArrayList<>();

        Mapping(boolean flow) {
            this.flow = flow;
        }

        Entry entry(String key) {
            for (Entry e : entries) {
                if (e.key.value.equals(key)) return e;
            }
            return null;
        }

        /** The plain text of field {@code key}'s scalar value, or null. */
        String text(String key) {
            Entry e = entry(key);
            return e != null && e.value instanceof Scalar s ? s.value : null;
        }
    }

    static final class Sequence extends Node {
        final boolean flow;
        final List<Item> items = new ArrayList<>();

        Sequence(boolean flow) {
            this.flow = flow;
        }
    }

    /**
     * What a line of a block collection carries besides its content: the comments above it (blank
     * lines kept as empty strings), the comment at its end (with the lines that continue it), and,
     * inside a flow collection, whether it starts a new line.
     */
    abstract static sealed class Unit permits Entry, Item {
        final List<String> leading = new ArrayList<>();
        boolean blankBefore;
        final List<String> trailing = new ArrayList<>();
        int trailingColumn = -1;
        /** Comment lines hanging below the unit's last line, indented past what follows (a note on its value). */
        final List<String> after = new ArrayList<>();
        int afterColumn = -1;
        boolean breakBefore;
        int startLine;
        int depth;

        abstract Node value();
    }

    static final class Entry extends Unit {
        final Scalar key;
        Node value;
        /** Entries of one group had their values aligned in one column; -1 when not aligned. */
        int alignGroup = -1;
        int keyColumn = -1;
        int valueColumn = -1;

        Entry(Scalar key, Node value) {
            this.key = key;
            this.value = value;
        }

        @Override
        Node value() {
            return value;
        }
    }

    static final class Item extends Unit {
        Node value;

        Item(Node value) {
            this.value = value;
        }

        @Override
        Node value() {
            return value;
        }
    }

    /** The document: its root, the comments above it and those after it. */
    static final class Document {
        Node root;
        final List<String> header = new ArrayList<>();
        final List<String> footer = new ArrayList<>();
        boolean bom;
        boolean crlf;
    }
}
