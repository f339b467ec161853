package io.quorate.format;

import io.quorate.diag.Diagnostic;
import io.quorate.diag.InputException;
import io.quorate.diag.Severity;
import io.quorate.diag.SourceLocation;
import io.quorate.format.Tree.Document;
import io.quorate.format.Tree.Entry;
import io.quorate.format.Tree.Mapping;
import io.quorate.format.Tree.Scalar;
import io.quorate.keys.KeyFormatException;
import io.quorate.keys.KeyId;
import io.quorate.policy.Chain;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Rewrites one policy, transaction, change plan or test file in canonical form (docs/fmt.md).
 * The caller has loaded the file with its loader first: only files that load are formatted. The
 * text written is read back before it is returned, and must hold exactly the values the
 * canonical order calls for, or nothing is returned.
 */
public final class Formatter {

    /** YAML the formatter keeps as written (anchors, complex keys, …): a warning, the file is left alone. */
    public static final String UNSUPPORTED = "fmt-unsupported";
    /** The canonical text would not hold the file's values: a fault of the formatter, the file is left alone. */
    public static final String WOULD_CHANGE = "fmt-would-change-meaning";

    private Formatter() {
    }

    /**
     * The canonical text of {@code content}. {@code keys} resolves the key names the file uses
     * (its own {@code keys:} come first); {@code canonicalKeys} writes public keys in their chain's
     * current form. Throws with one diagnostic when the file is left as it is.
     */
    public static String format(String fileName, String content, FileKind kind, KeyResolver keys, boolean canonicalKeys)
            throws InputException {
        Document doc;
        try {
            doc = TreeReader.read(content);
        } catch (Unsupported e) {
            throw new InputException(List.of(new Diagnostic(UNSUPPORTED, Severity.WARNING, e.getMessage(),
                    new SourceLocation(fileName, e.line + 1, e.column + 1), "the file is left as it is")));
        }
        KeyResolver resolver = withOwnKeys(doc, keys);
        new Canonicalizer(resolver, canonicalKeys).apply(doc.root, Documents.of(kind, doc.root), null);
        Object expected = data(doc.root);
        String text = Printer.print(doc);
        Object written;
        try {
            written = data(compose(text));
        } catch (RuntimeException e) {
            written = e;
        }
        if (!expected.equals(written)) {
            throw new InputException(List.of(Diagnostic.error(WOULD_CHANGE, SourceLocation.ofFile(fileName),
                    "the canonical form of this file would not read back as the same values, so it is left as it is",
                    "this is a fault of `quorate fmt`; the file itself is fine")));
        }
        return text;
    }

    /** Names in the file's own {@code keys:} stand for the key written there; other names go to {@code others}. */
    private static KeyResolver withOwnKeys(Document doc, KeyResolver others) {
        Map<String, String> own = new HashMap<>();
        if (doc.root instanceof Mapping root && root.entry("keys") != null && root.entry("keys").value instanceof Mapping keys) {
            for (Entry e : keys.entries) {
                if (e.value instanceof Scalar s) own.put(e.key.value, s.value);
                else if (e.value instanceof Mapping m && m.text("key") != null) own.put(e.key.value, m.text("key"));
            }
        }
        return (chain, text) -> {
            KeyId found = others == null ? null : others.resolve(chain, text);
            if (found != null) return found;
            return decode(chain, own.getOrDefault(text, text));
        };
    }

    private static KeyId decode(Chain chain, String text) {
        try {
            return chain.keyFormat().decode(text);
        } catch (KeyFormatException | RuntimeException e) {
            return null;
        }
    }

    private static org.yaml.snakeyaml.nodes.Node compose(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(Integer.MAX_VALUE);
        options.setNestingDepthLimit(Integer.MAX_VALUE);
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return new Yaml(options).compose(new StringReader(body));
    }

    /** The values of a tree, in order, without layout: scalars by tag and value. */
    private static Object data(Tree.Node n) {
        if (n instanceof Scalar s) return s.tag + " " + s.value;
        if (n instanceof Mapping m) {
            List<Object> out = new ArrayList<>();
            for (Entry e : m.entries) out.add(List.of(data(e.key), data(e.value)));
            return out;
        }
        List<Object> out = new ArrayList<>();
        for (Tree.Item item : ((Tree.Sequence) n).items) out.add(data(item.value));
        return List.of("seq", out);
    }

    private static Object data(org.yaml.snakeyaml.nodes.Node n) {
        if (n instanceof ScalarNode s) return s.getTag().getValue() + " " + s.getValue();
        if (n instanceof MappingNode m) {
            List<Object> out = new ArrayList<>();
            for (NodeTuple t : m.getValue()) out.add(List.of(data(t.getKeyNode()), data(t.getValueNode())));
            return out;
        }
        List<Object> out = new ArrayList<>();
        for (org.yaml.snakeyaml.nodes.Node child : ((SequenceNode) n).getValue()) out.add(data(child));
        return List.of("seq", out);
    }
}
