package io.quorate.policy;

import io.quorate.diag.SourceLocation;
import io.quorate.keys.KeyFormat;
import io.quorate.yaml.Expect;
import io.quorate.yaml.Form;
import io.quorate.yaml.IntRange;
import io.quorate.yaml.Suggest;
import io.quorate.yaml.YamlMapping;
import io.quorate.yaml.YamlNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Reads the parts of a policy file every chain shares: keys where a key is expected, and
 * authorities ({@code threshold, keys, accounts, waits, parent, valid}) in a chain's shape.
 */
public final class AuthorityReader {

    public static final String UNKNOWN_PARENT = "unknown-parent";
    public static final String INVALID_PARENT = "invalid-parent";
    public static final String PARENT_CYCLE = "parent-cycle";
    public static final String INVALID_VALUE = Expect.INVALID_VALUE;

    /** The diagnostic code of a name the chain does not accept. */
    public static final String INVALID_NAME = "invalid-name";

    /** The names a chain accepts: a test, what a name is called in messages, and the rule said as help. */
    public record Names(Predicate<String> test, String called, String rule) {
    }

    /**
     * How an authority entry names another account's authority: in {@code field}, either an
     * account alone (the chain picks the authority: {@code authority} is null) or
     * {@code account@<authority>}, with {@code example}; {@code names} checks each name (null: any).
     */
    public record AccountRef(String field, String authority, String example, Names names) {

        /** {@code {<field>: name, weight}} with weights in {@code weight}. */
        public Form.Obj form(IntRange weight) {
            Form.Text ref = authority == null ? Form.text("an account name")
                    : Form.matching("^[^@]+@[^@]+$", "`account@" + authority + "`, e.g. `" + example + "`");
            return Form.obj("another account's authority and its weight",
                    Form.required(field, ref, authority == null ? "the account" : "`account@" + authority + "`"),
                    Form.required("weight", Form.whole(weight), "its weight"));
        }
    }

    /**
     * What an authority looks like on one chain; {@code keys} is the key format the account holds
     * its keys to (null: the chain's).
     */
    public record Shape(Chain chain, IntRange threshold, IntRange weight, AccountRef accounts, boolean waits, boolean parent, boolean valid,
                        KeyFormat keys) {

        public Shape(Chain chain, IntRange threshold, IntRange weight, AccountRef accounts, boolean waits, boolean parent, boolean valid) {
            this(chain, threshold, weight, accounts, waits, parent, valid, null);
        }

        /** The same shape, for an account that holds its keys to {@code format}. */
        public Shape withKeys(KeyFormat format) {
            return new Shape(chain, threshold, weight, accounts, waits, parent, valid, format);
        }

        /** The fields of an authority of this shape: what {@link #authority} accepts. */
        public Form.Obj form() {
            return FORMS.computeIfAbsent(new Shape(chain, threshold, weight, accounts, waits, parent, valid, null), Shape::declare);
        }

        private Form.Obj declare() {
            List<Form.Field> f = new ArrayList<>();
            f.add(Form.required("threshold", Form.whole(threshold), "the weight the entries that sign must reach"));
            f.add(Form.optional("keys", Form.listOf(KEY_WEIGHT.apply(weight)), "keys and their weights"));
            f.add(Form.optional("accounts", Form.listOf(accounts.form(weight)), "other accounts' authorities and their weights"));
            if (waits) f.add(Form.optional("waits", Form.listOf(WAIT_WEIGHT.apply(weight)), "delays and their weights"));
            if (parent) f.add(Form.optional("parent", Form.text("an authority of the account"), "the authority above this one"));
            if (valid) f.add(Form.optional("valid", PolicyForm.VALIDITY, "when the authority counts"));
            f.add(Form.optional(SuppressionReader.FIELD, PolicyForm.SUPPRESS, "lint findings accepted, each with its reason"));
            return Form.obj(chain.id() + " authority", f);
        }

        public List<String> fields() {
            return form().names();
        }
    }

    private static final IntRange EOS_WAIT = IntRange.U32.as("eos wait seconds are u32");

    /** Forms are declared once per shape and weight range: an authority is read for every account. */
    private static final Map<Shape, Form.Obj> FORMS = new ConcurrentHashMap<>();
    private static final Map<IntRange, Form.Obj> KEY_WEIGHTS = new ConcurrentHashMap<>();
    private static final Map<IntRange, Form.Obj> WAIT_WEIGHTS = new ConcurrentHashMap<>();

    /** {@code {key, weight}} with weights in {@code range}. */
    private static final Function<IntRange, Form.Obj> KEY_WEIGHT = range -> KEY_WEIGHTS.computeIfAbsent(range, r -> Form.obj("a key and its weight",
            Form.required("key", PolicyForm.KEY, "a key name or a public key"),
            Form.required("weight", Form.whole(r), "the key's weight")));

    /** {@code {seconds, weight}} with weights in {@code range}. */
    private static final Function<IntRange, Form.Obj> WAIT_WEIGHT = range -> WAIT_WEIGHTS.computeIfAbsent(range, r -> Form.obj("a delay and its weight",
            Form.required("seconds", Form.whole(EOS_WAIT), "the delay in seconds"),
            Form.required("weight", Form.whole(r), "the delay's weight")));


    /** The form of a weighted key list's entry ({@code {key, weight}}) with weights in {@code weight}. */
    public static Form.Obj keyWeightForm(IntRange weight) {
        return KEY_WEIGHT.apply(weight);
    }

    /** An authority as read, with where its {@code parent} is written (null when not written). */
    public record Read(Authority authority, SourceLocation parentAt) {
    }

    public final Expect x;
    public final KeyResolver keys;
    public final String file;

    public AuthorityReader(Expect x, KeyResolver keys, String file) {
        this.x = x;
        this.keys = keys;
        this.file = file;
    }

    public KeyRef key(Chain chain, YamlNode node, String context) {
        return keys.resolve(x, file, chain, node, context);
    }

    private KeyRef key(Chain chain, KeyFormat format, YamlNode node, String context) {
        return format == null ? key(chain, node, context) : keys.resolve(x, file, chain, format, node, context);
    }

    /** A weighted key list {@code [{key, weight}]}; bad entries are reported and left out. */
    public List<KeyWeight> keyWeights(Chain chain, YamlNode node, IntRange weight, String context) {
        return keyWeights(chain, null, node, weight, context);
    }

    private List<KeyWeight> keyWeights(Chain chain, KeyFormat format, YamlNode node, IntRange weight, String context) {
        List<KeyWeight> out = new ArrayList<>();
        List<YamlNode> items = x.list(node, context + ": `keys`");
        Form.Obj form = KEY_WEIGHT.apply(weight);
        for (int i = 0; i < items.size(); i++) {
            String c = context + ": key entry " + (i + 1);
            YamlMapping m = x.mapping(items.get(i), c);
            if (m == null) continue;
            x.onlyFields(m, c, form);
            YamlNode k = x.required(m, form, "key", c);
            YamlNode w = x.required(m, form, "weight", c);
            KeyRef ref = k == null ? null : key(chain, format, k, c);
            Long wv = w == null ? null : x.integer(w, c + ": `weight`", weight);
            if (ref != null && wv != null) out.add(new KeyWeight(ref, Math.toIntExact(wv), m.at()));
        }
        return out;
    }

    /** The authority {@code name} written at {@code at}, or null when it is not a mapping. */
    public Read authority(String name, SourceLocation at, YamlNode node, Shape shape, String context) {
        YamlMapping m = x.mapping(node, context);
        if (m == null) return null;
        Form.Obj form = shape.form();
        x.onlyFields(m, context, form);
        YamlNode t = x.required(m, form, "threshold", context);
        Long threshold = t == null ? null : x.integer(t, context + ": `threshold`", shape.threshold());
        List<KeyWeight> keyWeights = keyWeights(shape.chain(), shape.keys(), m.get("keys"), shape.weight(), context);
        List<AccountWeight> accounts = accountWeights(m.get("accounts"), shape, context);
        List<WaitWeight> waits = shape.waits() ? waits(m.get("waits"), shape, context) : List.of();
        String parent = null;
        SourceLocation parentAt = null;
        if (shape.parent() && m.value("parent") != null) {
            parent = x.string(m.get("parent"), context + ": `parent`");
            parentAt = m.get("parent").at();
        }
        Validity valid = shape.valid() ? validity(m.value("valid"), context) : null;
        return new Read(new Authority(name, threshold == null ? 0 : threshold, keyWeights, accounts, waits, parent, valid, at,
                t == null ? at : t.at()), parentAt);
    }

    private List<AccountWeight> accountWeights(YamlNode node, Shape shape, String context) {
        List<AccountWeight> out = new ArrayList<>();
        List<YamlNode> items = x.list(node, context + ": `accounts`");
        String field = shape.accounts().field();
        Form.Obj form = shape.accounts().form(shape.weight());
        for (int i = 0; i < items.size(); i++) {
            String c = context + ": account entry " + (i + 1);
            YamlMapping m = x.mapping(items.get(i), c);
            if (m == null) continue;
            x.onlyFields(m, c, form);
            YamlNode a = x.required(m, form, field, c);
            YamlNode w = x.required(m, form, "weight", c);
            Long wv = w == null ? null : x.integer(w, c + ": `weight`", shape.weight());
            String text = a == null ? null : x.string(a, c + ": `" + field + "`");
            if (text == null) continue;
            AccountWeight ref = accountRef(text, shape.accounts(), a.at(), wv == null ? 0 : wv.intValue(), m.at(), c);
            if (ref != null && wv != null) out.add(ref);
        }
        return out;
    }

    private AccountWeight accountRef(String text, AccountRef kind, SourceLocation textAt, int weight, SourceLocation at, String context) {
        if (kind.authority() == null) {
            return named(text, kind.names(), textAt, context) ? new AccountWeight(text, null, weight, at) : null;
        }
        int sep = text.indexOf('@');
        String account = sep < 0 ? text : text.substring(0, sep);
        String authority = sep < 0 ? "" : text.substring(sep + 1);
        if (sep <= 0 || authority.isEmpty() || authority.indexOf('@') >= 0) {
            x.error(INVALID_NAME, textAt, context + ": `" + text + "` is not of the form `account@" + kind.authority() + "`",
                    "for example `" + kind.example() + "`");
            return null;
        }
        boolean ok = named(account, kind.names(), textAt, context);
        ok &= named(authority, kind.names(), textAt, context);
        return ok ? new AccountWeight(account, authority, weight, at) : null;
    }

    /** True when {@code names} accepts {@code name} (or there is no rule); reported otherwise. */
    private boolean named(String name, Names names, SourceLocation at, String context) {
        if (names == null || names.test().test(name)) return true;
        x.error(INVALID_NAME, at, context + ": `" + name + "` is not a valid " + names.called(), names.rule());
        return false;
    }

    private List<WaitWeight> waits(YamlNode node, Shape shape, String context) {
        List<WaitWeight> out = new ArrayList<>();
        List<YamlNode> items = x.list(node, context + ": `waits`");
        Form.Obj form = WAIT_WEIGHT.apply(shape.weight());
        for (int i = 0; i < items.size(); i++) {
            String c = context + ": wait entry " + (i + 1);
            YamlMapping m = x.mapping(items.get(i), c);
            if (m == null) continue;
            x.onlyFields(m, c, form);
            YamlNode s = x.required(m, form, "seconds", c);
            YamlNode w = x.required(m, form, "weight", c);
            Long sv = s == null ? null : x.integer(s, c + ": `seconds`", EOS_WAIT);
            Long wv = w == null ? null : x.integer(w, c + ": `weight`", shape.weight());
            if (sv != null && wv != null) out.add(new WaitWeight(sv, wv.intValue(), m.at()));
        }
        return out;
    }

    private Validity validity(YamlNode node, String context) {
        if (node == null) return null;
        String c = context + ": `valid`";
        YamlMapping m = x.mapping(node, c);
        if (m == null) return null;
        x.onlyFields(m, c, PolicyForm.VALIDITY);
        Instant from = m.value("from") == null ? null : x.instant(m.get("from"), c + ": `from`");
        Instant until = m.value("until") == null ? null : x.instant(m.get("until"), c + ": `until`");
        return new Validity(from, until);
    }

    /**
     * Reports parents that are not declared in the account, and parent cycles (once per cycle).
     * {@code kind} names the authorities ("permission", "authority").
     */
    public void checkParents(Map<String, Authority> authorities, Map<String, SourceLocation> parentAt, String kind, String context) {
        for (Authority a : authorities.values()) {
            if (a.parent() == null || authorities.containsKey(a.parent())) continue;
            String suggestion = Suggest.didYouMean(a.parent(), authorities.keySet());
            x.error(UNKNOWN_PARENT, parentAt.getOrDefault(a.name(), a.at()), context + ": " + kind + " `" + a.name()
                    + "`: parent `" + a.parent() + "` is not declared in the account",
                    suggestion != null ? suggestion : "declare " + kind + " `" + a.parent() + "` in the account");
        }
        Set<Set<String>> reported = new HashSet<>();
        for (Authority a : authorities.values()) {
            LinkedHashSet<String> path = new LinkedHashSet<>();
            String current = a.name();
            while (current != null && authorities.containsKey(current) && path.add(current)) {
                current = authorities.get(current).parent();
            }
            if (!a.name().equals(current)) continue;
            if (!reported.add(new TreeSet<>(path))) continue;
            String cycle = path.stream().map(n -> "`" + n + "`").collect(Collectors.joining(" → ")) + " → `" + a.name() + "`";
            x.error(PARENT_CYCLE, parentAt.getOrDefault(a.name(), a.at()), context + ": " + kind + " parents form a cycle: " + cycle,
                    "break the cycle by removing or changing one `parent`");
        }
    }
}
