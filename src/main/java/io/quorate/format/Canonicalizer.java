package io.quorate.format;

import io.quorate.format.Tree.Entry;
import io.quorate.format.Tree.Item;
import io.quorate.format.Tree.Mapping;
import io.quorate.format.Tree.Node;
import io.quorate.format.Tree.Scalar;
import io.quorate.format.Tree.Sequence;
import io.quorate.plan.ChainSteps;
import io.quorate.policy.Chain;
import io.quorate.policy.ChainServices;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts a {@link Tree} in canonical order by its {@link Shape}: fields in the formats page's order,
 * authority entries in their chain's order, and (when asked) keys in their chain's current form.
 * Nothing here changes a value other than a key's spelling.
 */
final class Canonicalizer {

    private static final Map<Chain, ChainFormat> FORMATS = ChainServices.load(ChainFormat.class, ChainFormat::chain);
    private static final Map<String, ChainSteps> STEPS_BY_OP = stepsByOp();

    private final KeyResolver keys;
    private final boolean canonicalKeys;

    Canonicalizer(KeyResolver keys, boolean canonicalKeys) {
        this.keys = keys;
        this.canonicalKeys = canonicalKeys;
    }

    private static Map<String, ChainSteps> stepsByOp() {
        Map<String, ChainSteps> out = new HashMap<>();
        for (ChainSteps steps : ChainServices.load(ChainSteps.class, ChainSteps::chain).values()) {
            for (String op : steps.ops()) out.put(op, steps);
        }
        return out;
    }

    void apply(Node node, Shape shape, Chain chain) {
        if (shape instanceof Shape.Fields f) {
            if (node instanceof Mapping m) {
                reorder(m, f.order());
                for (Entry e : m.entries) {
                    Shape child = f.children().get(e.key.value);
                    if (child != null) apply(e.value, child, chain);
                }
            } else if (node instanceof Scalar && f.whenScalar() != null) {
                apply(node, f.whenScalar(), chain);
            }
        } else if (shape instanceof Shape.MapOf map) {
            if (node instanceof Mapping m) {
                for (Entry e : m.entries) apply(e.value, map.value(), chain);
            }
        } else if (shape instanceof Shape.ListOf list) {
            if (node instanceof Sequence s) {
                for (Item item : s.items) apply(item.value, list.item(), chain);
                if (list.order() != null && chain != null) sort(s, list.order(), chain);
            }
        } else if (shape instanceof Shape.Key) {
            if (node instanceof Scalar s && canonicalKeys) rewriteKey(s, chain);
        } else if (shape instanceof Shape.Account) {
            if (node instanceof Mapping m) account(m);
        } else if (shape instanceof Shape.Step) {
            if (node instanceof Mapping m) step(m);
        } else if (shape instanceof Shape.Requirement) {
            apply(node, Documents.REQUIREMENT, chain);
        }
        // Shape.Verbatim: a chain's own transaction keeps the order its tools wrote
    }

    private void account(Mapping m) {
        Chain chain = Chain.byId(m.text("chain") == null ? "" : m.text("chain"));
        ChainFormat format = chain == null ? null : FORMATS.get(chain);
        if (format == null) return;
        Shape.Fields own = format.account();
        List<String> order = new ArrayList<>(Documents.ACCOUNT_FIRST);
        for (String f : own.order()) {
            if (!Documents.ACCOUNT_LAST.contains(f)) order.add(f);
        }
        order.addAll(Documents.ACCOUNT_LAST);
        Shape.Fields shape = new Shape.Fields(order, own.children(), null).with("conditions", Documents.CONDITIONS);
        apply(m, shape, chain);
    }

    private void step(Mapping m) {
        String op = m.text("op");
        ChainSteps steps = op == null ? null : STEPS_BY_OP.get(op);
        List<String> order = new ArrayList<>(Documents.STEP_FIRST);
        Shape.Fields shape;
        if (steps == null) {
            order.addAll(Documents.STEP_LAST);
            shape = new Shape.Fields(order, Map.of(), null);
        } else {
            ChainFormat own = FORMATS.get(steps.chain());
            List<String> fields = own == null || own.stepOrder(op) == null ? steps.fields().get(op) : own.stepOrder(op);
            for (String f : fields) {
                if (!order.contains(f) && !Documents.STEP_LAST.contains(f)) order.add(f);
            }
            order.addAll(Documents.STEP_LAST);
            ChainFormat format = FORMATS.get(steps.chain());
            shape = new Shape.Fields(order, format == null ? Map.of() : format.stepFields(), null);
        }
        shape = shape.with("signatures", new Shape.ListOf(Shape.KEY, null)).with("context", Documents.CONTEXT);
        apply(m, shape, steps == null ? null : steps.chain());
    }

    /** Known fields first, in their order; the others after them, in the author's order (the sort is stable). */
    private static void reorder(Mapping m, List<String> order) {
        m.entries.sort(Comparator.comparingInt((Entry e) -> {
            int i = order.indexOf(e.key.value);
            return i < 0 ? order.size() : i;
        }));
    }

    /** Sorted only when every entry has its sort key; a list that does not resolve stays as written. */
    private void sort(Sequence s, EntryOrder order, Chain chain) {
        List<Comparable<Object>> sortKeys = new ArrayList<>();
        for (Item item : s.items) {
            Comparable<Object> key = sortKey(item.value, order, chain);
            if (key == null) return;
            sortKeys.add(key);
        }
        Map<Item, Comparable<Object>> byItem = new java.util.IdentityHashMap<>();
        for (int i = 0; i < s.items.size(); i++) byItem.put(s.items.get(i), sortKeys.get(i));
        s.items.sort((a, b) -> byItem.get(a).compareTo(byItem.get(b)));
    }

    @SuppressWarnings("unchecked")
    private Comparable<Object> sortKey(Node item, EntryOrder order, Chain chain) {
        String field = order instanceof EntryOrder.ByKey k ? k.field()
                : order instanceof EntryOrder.ByName n ? n.field() : ((EntryOrder.ByNumber) order).field();
        String text = field == null ? (item instanceof Scalar s ? s.value : null)
                : item instanceof Mapping m ? m.text(field) : null;
        if (text == null) return null;
        Comparable<?> key;
        if (order instanceof EntryOrder.ByKey) {
            key = keys.resolve(chain, text);
        } else if (order instanceof EntryOrder.ByName) {
            int at = text.indexOf('@');
            key = at < 0 ? text : text.substring(0, at) + '\u0000' + text.substring(at + 1);
        } else {
            try {
                key = new BigInteger(text.strip());
            } catch (NumberFormatException e) {
                key = null;
            }
        }
        return (Comparable<Object>) key;
    }

    private static void rewriteKey(Scalar s, Chain chain) {
        if (!s.isPlainOrQuoted() || s.source.contains("\n") || s.tag == null || !s.tag.endsWith(":str")) return;
        String now = null;
        if (chain != null && FORMATS.get(chain) != null) {
            now = FORMATS.get(chain).currentKeyForm(s.value);
        } else {
            for (ChainFormat f : FORMATS.values()) {
                now = f.currentKeyForm(s.value);
                if (now != null) break;
            }
        }
        if (now == null || now.equals(s.value)) return;
        s.source = s.style == 'p' ? now : s.style + now + s.style;
        s.value = now;
    }
}
