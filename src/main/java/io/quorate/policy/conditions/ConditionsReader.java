package io.quorate.policy.conditions;

import io.quorate.assets.Assets;
import io.quorate.diag.Diagnostic;
import io.quorate.diag.SourceLocation;
import io.quorate.policy.Chain;
import io.quorate.policy.KeyResolver;
import io.quorate.yaml.Expect;
import io.quorate.yaml.IntRange;
import io.quorate.yaml.Suggest;
import io.quorate.yaml.YamlMapping;
import io.quorate.yaml.YamlNode;
import io.quorate.yaml.YamlScalar;
import io.quorate.yaml.YamlSequence;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads an organisation's conditions from the policy files: top-level {@code assets}, {@code groups},
 * {@code lists} and shared {@code conditions}, and each account's {@code conditions} (written in
 * it, or the name of a shared set). A shared set is read once and checked against the chain of
 * every account that uses it (its assets, its keys). Every problem is reported with its location,
 * all of them, each once.
 */
public final class ConditionsReader {

    public static final String UNKNOWN_GROUP = "unknown-group";
    public static final String UNKNOWN_LIST = "unknown-list";
    public static final String UNKNOWN_CONDITIONS = "unknown-conditions";
    public static final String UNKNOWN_ASSET = "unknown-asset";
    public static final String UNKNOWN_ZONE = "unknown-zone";
    public static final String UNKNOWN_DAY = "unknown-day";
    public static final String INVALID_REGEX = "invalid-regex";
    public static final String INVALID_PERIOD = "invalid-period";
    public static final String INVALID_HOURS = "invalid-hours";
    public static final String INVALID_AMOUNT = "invalid-amount";
    public static final String WRONG_PRECISION = "wrong-precision";
    public static final String CONFLICTING_FIELDS = "conflicting-fields";
    public static final String DUPLICATE_NAME = "duplicate-name";
    public static final String MISSING_FILE = "missing-file";
    public static final String READ_ERROR = "read-error";
    public static final String UNREACHABLE_COUNT = "unreachable-count";

    private static final Pattern SYMBOL = Pattern.compile(ConditionsForm.ASSETS_SYMBOL);
    private static final IntRange DECIMALS = ConditionsForm.DECIMALS;
    private static final IntRange COUNT = ConditionsForm.COUNT;

    /** One policy file's top-level mapping. */
    public record Root(String file, YamlMapping root) {
    }

    /** An account's {@code conditions} field, with the account's chain and the file it is written in. */
    public record AccountEntry(String account, Chain chain, String file, YamlMapping.Entry entry) {
    }

    private final Expect x;
    private final KeyResolver keys;
    private final Map<String, Group> groups = new LinkedHashMap<>();
    private final Map<String, String> groupFiles = new LinkedHashMap<>();
    private final Map<String, NamedList> lists = new LinkedHashMap<>();
    private final Map<String, Map<String, Integer>> declared = new TreeMap<>();
    private final Map<String, YamlMapping.Entry> sharedNodes = new LinkedHashMap<>();
    private final Map<String, String> sharedFiles = new LinkedHashMap<>();
    private final Set<String> checked = new HashSet<>();
    private final Set<String> sharedChecked = new HashSet<>();
    private final Map<String, String> listFiles = new TreeMap<>();
    /** Reads each rule's `when` against the lists and assets declared above. */
    private final WhenReader whens;
    private int nextRule;

    private ConditionsReader(Expect x, KeyResolver keys) {
        this.x = x;
        this.keys = keys;
        this.whens = new WhenReader(x, lists, declared);
    }

    /** The conditions of the policy set; problems go to {@code x}. */
    public static ConditionSet read(Expect x, KeyResolver keys, List<Root> roots, List<AccountEntry> accounts) {
        int before = x.diagnostics().size();
        ConditionSet set = new ConditionsReader(x, keys).run(roots, accounts);
        // a shared set is checked once per account using it: the same problem is said once
        List<Diagnostic> added = new ArrayList<>(x.diagnostics().subList(before, x.diagnostics().size()));
        x.diagnostics().subList(before, x.diagnostics().size()).clear();
        x.diagnostics().addAll(new LinkedHashSet<>(added));
        return set;
    }

    private ConditionSet run(List<Root> roots, List<AccountEntry> accounts) {
        for (Root r : roots) assets(r);
        for (Root r : roots) groups(r);
        for (Root r : roots) lists(r);
        for (Root r : roots) sharedNodes(r);
        Map<String, AccountConditions> shared = new LinkedHashMap<>();
        Map<String, AccountConditions> byAccount = new LinkedHashMap<>();
        for (AccountEntry a : accounts) {
            YamlNode node = a.entry().value();
            if (node instanceof YamlScalar s && s.isNull()) continue;
            String context = "account `" + a.account() + "`: `conditions`";
            if (node instanceof YamlScalar s && s.kind() == YamlScalar.Kind.STRING) {
                YamlMapping.Entry e = sharedNodes.get(s.text());
                if (e == null) {
                    String suggestion = Suggest.didYouMean(s.text(), sharedNodes.keySet());
                    x.error(UNKNOWN_CONDITIONS, s.at(), context + ": no shared conditions are named `" + s.text() + "`",
                            suggestion != null ? suggestion : "declare them under the top-level `conditions:`, or write the rules here");
                    continue;
                }
                AccountConditions set = shared.get(s.text());
                if (set == null) {
                    set = set(e.value(), s.text(), true, sharedFiles.get(s.text()), a.chain(), "conditions `" + s.text() + "`", e.keyAt());
                    if (set != null) shared.put(s.text(), set);
                    sharedChecked.add(s.text() + " " + a.chain().id());
                } else if (sharedChecked.add(s.text() + " " + a.chain().id())) {
                    // already read for an account of another chain: check it against this chain too (once per chain)
                    set(e.value(), s.text(), true, sharedFiles.get(s.text()), a.chain(), "conditions `" + s.text() + "`", e.keyAt());
                }
                if (set != null) byAccount.put(a.account(), set);
                continue;
            }
            AccountConditions own = set(node, a.account(), false, a.file(), a.chain(), context, a.entry().keyAt());
            if (own != null) byAccount.put(a.account(), own);
        }
        // shared sets no account uses are still read, so their mistakes are found before anyone uses them
        sharedNodes.forEach((name, e) -> {
            if (!shared.containsKey(name)) {
                AccountConditions unused = set(e.value(), name, true, sharedFiles.get(name), null, "conditions `" + name + "`", e.keyAt());
                if (unused != null) shared.put(name, unused);
            }
        });
        for (Group g : groups.values()) checkAnyChain(g);
        return new ConditionSet(groups, lists, shared, declared, byAccount, listFiles);
    }

    /** A member no account's chain checked must still be a key name or a public key of some chain. */
    private void checkAnyChain(Group g) {
        for (Group.Member member : g.members()) {
            if (checked.stream().anyMatch(k -> k.startsWith(member.at() + " "))) continue;
            YamlScalar node = new YamlScalar(member.key(), false, YamlScalar.Kind.STRING, null, member.at());
            List<Diagnostic> first = null;
            for (Chain chain : Chain.all()) {
                Expect quiet = new Expect(new ArrayList<>());
                if (keys.resolve(quiet, groupFiles.get(g.name()), chain, node, "group `" + g.name() + "`") != null) {
                    first = null;
                    break;
                }
                if (first == null) first = quiet.diagnostics();
            }
            if (first != null) {
                x.error(io.quorate.policy.KeyResolver.UNKNOWN_KEY_NAME, member.at(), "group `" + g.name() + "`: `" + member.key()
                        + "` is neither a key name of the policy nor a public key", "define it under `keys:` or write the public key");
            }
        }
    }

    // ---- top-level declarations ------------------------------------------------------------

    private void assets(Root r) {
        if (r.root().value("assets") == null) return;
        YamlMapping m = x.mapping(r.root().get("assets"), "`assets`");
        if (m == null) return;
        for (YamlMapping.Entry chainEntry : m.entries()) {
            String c = "`assets`: `" + chainEntry.key() + "`";
            if (Chain.byId(chainEntry.key()) == null) {
                List<String> ids = Chain.all().stream().map(Chain::id).toList();
                String s = Suggest.didYouMean(chainEntry.key(), ids);
                x.error("unknown-chain", chainEntry.keyAt(), c + ": unknown chain `" + chainEntry.key() + "`",
                        s != null ? s : "expected one of " + String.join(", ", ids));
                continue;
            }
            YamlMapping symbols = x.mapping(chainEntry.value(), c);
            if (symbols == null) continue;
            for (YamlMapping.Entry e : symbols.entries()) {
                String sc = c + ": `" + e.key() + "`";
                if (!SYMBOL.matcher(e.key()).matches()) {
                    x.error(Expect.INVALID_VALUE, e.keyAt(), sc + ": not an asset symbol", "a symbol is a letter, then up to 15 letters or digits");
                    continue;
                }
                Integer decimals = x.integerInt(e.value(), sc, DECIMALS);
                if (decimals == null) continue;
                Integer nativeDecimals = Assets.precision(chainEntry.key(), e.key());
                if (nativeDecimals != null && !nativeDecimals.equals(decimals)) {
                    x.error(WRONG_PRECISION, e.value().at(), sc + ": " + chainEntry.key() + " has `" + e.key() + "` with " + nativeDecimals
                            + " decimals", "leave it out: the chain's own assets need no declaration");
                    continue;
                }
                Integer previous = declared.computeIfAbsent(chainEntry.key(), k -> new TreeMap<>()).putIfAbsent(e.key(), decimals);
                if (previous != null && !previous.equals(decimals)) {
                    x.error(DUPLICATE_NAME, e.keyAt(), sc + ": declared before with " + previous + " decimals", null);
                }
            }
        }
    }

    private void groups(Root r) {
        if (r.root().value("groups") == null) return;
        YamlMapping m = x.mapping(r.root().get("groups"), "`groups`", DUPLICATE_NAME, "group");
        if (m == null) return;
        for (YamlMapping.Entry e : m.entries()) {
            String c = "group `" + e.key() + "`";
            if (groups.containsKey(e.key())) {
                x.error(DUPLICATE_NAME, e.keyAt(), c + ": already declared at " + groups.get(e.key()).at(), "group names are unique across the policy set");
                continue;
            }
            List<Group.Member> members = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            List<YamlNode> items = x.list(e.value(), c);
            if (items.isEmpty() && e.value() instanceof YamlSequence) {
                x.error(Expect.MISSING_FIELD, e.value().at(), c + ": the group is empty", "list the key names of its members");
            }
            for (YamlNode item : items) {
                String key = x.string(item, c + ": member");
                if (key == null) continue;
                if (!seen.add(key)) {
                    x.error(Expect.INVALID_VALUE, item.at(), c + ": `" + key + "` is listed twice", "each member counts once");
                    continue;
                }
                members.add(new Group.Member(key, item.at()));
            }
            groups.put(e.key(), new Group(e.key(), members, e.keyAt()));
            groupFiles.put(e.key(), r.file());
        }
    }

    private void lists(Root r) {
        if (r.root().value("lists") == null) return;
        YamlMapping m = x.mapping(r.root().get("lists"), "`lists`", DUPLICATE_NAME, "list");
        if (m == null) return;
        for (YamlMapping.Entry e : m.entries()) {
            String c = "list `" + e.key() + "`";
            if (lists.containsKey(e.key())) {
                x.error(DUPLICATE_NAME, e.keyAt(), c + ": already declared at " + lists.get(e.key()).at(), "list names are unique across the policy set");
                continue;
            }
            NamedList list = e.value() instanceof YamlMapping fm ? fileList(r.file(), e, fm, c) : inlineList(e, c);
            if (list != null) lists.put(e.key(), list);
        }
    }


    private NamedList inlineList(YamlMapping.Entry e, String c) {
        EntryLocations.Builder entries = WhenReader.entries(x, e.value(), c);
        return new NamedList(e.key(), entries.entries(), null, false, e.keyAt(), entries.locations());
    }

    private NamedList fileList(String policyFile, YamlMapping.Entry e, YamlMapping m, String c) {
        x.onlyFields(m, c, ConditionsForm.LIST_FILE);
        YamlNode f = x.required(m, ConditionsForm.LIST_FILE, "file", c);
        String name = f == null ? null : x.string(f, c + ": `file`");
        if (name == null) return null;
        java.nio.file.Path parent = java.nio.file.Path.of(policyFile).getParent();
        java.nio.file.Path path = parent == null ? java.nio.file.Path.of(name) : parent.resolve(name);
        try {
            Diagnostic oversize = io.quorate.yaml.InputLimits.current().oversize(path, path.toString());
            if (oversize != null) {
                x.error(oversize.code(), f.at(), c + ": " + oversize.message(), oversize.help());
                return null;
            }
            byte[] bytes = java.nio.file.Files.readAllBytes(path);
            String text = java.nio.charset.StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            // each entry keeps its line and column, so findings on it point there without reading the file again
            EntryLocations.Builder entries = new EntryLocations.Builder(path.toString());
            String[] lines = text.split("\r?\n");
            for (int i = 0; i < lines.length; i++) {
                String entry = lines[i].strip();
                if (!entry.isEmpty() && !entry.startsWith("#")) entries.add(entry, i + 1, lines[i].indexOf(entry) + 1);
            }
            // named as the policy writes it, so the revision does not depend on where it is run from
            listFiles.put(e.key() + ": " + name, java.util.HexFormat.of().formatHex(
                    java.security.MessageDigest.getInstance("SHA-256").digest(bytes)));
            return new NamedList(e.key(), entries.entries(), path.toString(), false, e.keyAt(), entries.locations());
        } catch (java.nio.file.NoSuchFileException ex) {
            x.error(MISSING_FILE, f.at(), c + ": no such file `" + path + "`", "the file is read relative to the policy file that names it");
        } catch (java.nio.charset.CharacterCodingException ex) {
            x.error(READ_ERROR, f.at(), c + ": `" + path + "` is not UTF-8 text", null);
        } catch (java.io.IOException | RuntimeException | java.security.NoSuchAlgorithmException ex) {
            x.error(READ_ERROR, f.at(), c + ": `" + path + "` cannot be read", null);
        }
        return null;
    }

    private void sharedNodes(Root r) {
        if (r.root().value("conditions") == null) return;
        YamlMapping m = x.mapping(r.root().get("conditions"), "`conditions`", DUPLICATE_NAME, "shared conditions");
        if (m == null) return;
        for (YamlMapping.Entry e : m.entries()) {
            if (sharedNodes.containsKey(e.key())) {
                x.error(DUPLICATE_NAME, e.keyAt(), "conditions `" + e.key() + "`: already declared at " + sharedNodes.get(e.key()).keyAt(),
                        "names of shared conditions are unique across the policy set");
                continue;
            }
            sharedNodes.put(e.key(), e);
            sharedFiles.put(e.key(), r.file());
        }
    }

    // ---- a set of conditions -----------------------------------------------------------------

    private static When emptyWhen(SourceLocation at) {
        return new When(List.of(), Set.of(), List.of(), null, null, null, null, null, at);
    }

    /**
     * The set written at {@code node}. {@code chain} is the chain of the account it is read for
     * (null for a shared set no account uses: only what does not depend on a chain is checked).
     */
    private AccountConditions set(YamlNode node, String name, boolean shared, String file, Chain chain, String c, SourceLocation at) {
        YamlMapping m = x.mapping(node, c);
        if (m == null) return null;
        x.onlyFields(m, c, ConditionsForm.SET);
        AccountConditions.Combine combine = AccountConditions.Combine.FIRST_MATCH;
        if (m.value("combine") != null) {
            String text = x.string(m.get("combine"), c + ": `combine`");
            if ("deny-overrides".equals(text)) {
                combine = AccountConditions.Combine.DENY_OVERRIDES;
            } else if (text != null && !text.equals("first-match")) {
                x.error(Expect.INVALID_VALUE, m.get("combine").at(), c + ": `combine`: `" + text + "` is not a combining mode",
                        "write `first-match` or `deny-overrides`");
            }
        }
        boolean defaultAllow = true;
        if (m.value("default") != null) {
            String text = x.string(m.get("default"), c + ": `default`");
            if ("deny".equals(text)) {
                defaultAllow = false;
            } else if (text != null && !text.equals("allow")) {
                x.error(Expect.INVALID_VALUE, m.get("default").at(), c + ": `default`: `" + text + "` is not an outcome", "write `allow` or `deny`");
            }
        }
        String key = AccountConditions.key(name, shared);
        List<ConditionRule> rules = new ArrayList<>();
        Map<String, SourceLocation> names = new LinkedHashMap<>();
        List<YamlNode> items = m.value("rules") == null ? List.of() : x.list(m.get("rules"), c + ": `rules`");
        int first = nextRule;
        for (int i = 0; i < items.size(); i++) {
            ConditionRule rule = rule(items.get(i), key, i, first + i, file, chain, c);
            if (rule == null) continue;
            SourceLocation previous = names.putIfAbsent(rule.name(), rule.at());
            if (previous != null) {
                x.error(DUPLICATE_NAME, rule.at(), c + ": rule `" + rule.name() + "` is already named at line " + previous.line(),
                        "decisions name the rules that matched: give each its own name");
            }
            rules.add(rule);
        }
        nextRule = first + items.size();
        return new AccountConditions(name, shared, combine, defaultAllow, rules, at);
    }

    private ConditionRule rule(YamlNode node, String set, int position, int id, String file, Chain chain, String setContext) {
        String fallback = "rule " + (position + 1);
        YamlMapping m = x.mapping(node, setContext + ": " + fallback);
        if (m == null) return null;
        String name = m.value("name") == null ? fallback : x.string(m.get("name"), setContext + ": " + fallback + ": `name`");
        if (name == null) name = fallback;
        String c = setContext + ": rule `" + name + "`";
        x.onlyFields(m, c, ConditionsForm.RULE_FIELDS);
        When when = m.value("when") == null ? emptyWhen(m.at())
                : whens.when(m.get("when"), chain, name, c);
        List<String> outcomes = ConditionsForm.OUTCOMES.stream().filter(m::has).toList();
        RuleOutcome outcome = null;
        if (outcomes.isEmpty()) {
            x.error(Expect.MISSING_FIELD, m.at(), c + ": no outcome", "give one of `deny: MESSAGE`, `allow: true` or `require: {…}`");
        } else if (outcomes.size() > 1) {
            x.error(CONFLICTING_FIELDS, m.entry(outcomes.get(1)).keyAt(), c + ": `" + outcomes.get(1) + "` next to `" + outcomes.get(0) + "`",
                    "a rule has one outcome: `deny`, `allow` or `require`");
        } else {
            outcome = outcome(m, outcomes.get(0), file, chain, c);
        }
        if (when == null || outcome == null) return null;
        return new ConditionRule(id, set, position, name, when, outcome, m.at());
    }

    private RuleOutcome outcome(YamlMapping m, String field, String file, Chain chain, String c) {
        YamlNode v = m.get(field);
        switch (field) {
            case "deny" -> {
                String message = x.string(v, c + ": `deny`");
                if (message == null) return null;
                if (message.isBlank()) {
                    x.error(Expect.INVALID_VALUE, v.at(), c + ": `deny` needs a message", "say why, e.g. `deny: destination is sanctioned`");
                    return null;
                }
                return new RuleOutcome.Deny(message);
            }
            case "allow" -> {
                Boolean b = x.bool(v, c + ": `allow`");
                if (b == null) return null;
                if (!b) {
                    x.error(Expect.INVALID_VALUE, v.at(), c + ": `allow: false` is not an outcome", "write `deny: MESSAGE` to deny");
                    return null;
                }
                return new RuleOutcome.Allow();
            }
            default -> {
                Requirement r = requirement(v, file, chain, c + ": `require`");
                return r == null ? null : new RuleOutcome.Require(r);
            }
        }
    }

    private Requirement requirement(YamlNode node, String file, Chain chain, String c) {
        YamlMapping m = x.mapping(node, c);
        if (m == null) return null;
        List<String> kinds = ConditionsForm.REQUIREMENT_KINDS.stream().filter(m::has).toList();
        if (kinds.size() != 1) {
            x.error(kinds.isEmpty() ? Expect.MISSING_FIELD : CONFLICTING_FIELDS, m.at(), c + ": "
                    + (kinds.isEmpty() ? "no requirement" : "`" + kinds.get(1) + "` next to `" + kinds.get(0) + "`"),
                    "write one of `{key: NAME}`, `{group: NAME, count: N}`, `{all: [...]}`, `{any: [...]}`");
            return null;
        }
        String kind = kinds.get(0);
        switch (kind) {
            case "key" -> {
                x.onlyFields(m, c, ConditionsForm.requirement(kind));
                YamlNode k = m.get("key");
                if (chain != null) {
                    String where = "`" + k.at() + "` for " + chain.id();
                    if (checked.add(where)) keys.resolve(x, file, chain, k, c + ": `key`");
                } else {
                    x.string(k, c + ": `key`");
                }
                String text = k instanceof YamlScalar s ? s.text() : null;
                return text == null ? null : new Requirement.Key(text, k.at());
            }
            case "group" -> {
                x.onlyFields(m, c, ConditionsForm.requirement(kind));
                String name = x.string(m.get("group"), c + ": `group`");
                if (name == null) return null;
                Group g = groups.get(name);
                if (g == null) {
                    String s = Suggest.didYouMean(name, groups.keySet());
                    x.error(UNKNOWN_GROUP, m.get("group").at(), c + ": no group is named `" + name + "`",
                            s != null ? s : "declare it under the top-level `groups:`");
                    return null;
                }
                if (chain != null) checkMembers(g, chain);
                Integer count = m.value("count") == null ? Integer.valueOf(1) : x.integerInt(m.get("count"), c + ": `count`", COUNT);
                if (count == null) return null;
                if (count > g.members().size()) {
                    x.error(UNREACHABLE_COUNT, m.get("count").at(), c + ": `count` " + count + " exceeds the " + g.members().size()
                            + " members of group `" + name + "`", "no set of approvals can ever meet it");
                    return null;
                }
                return new Requirement.FromGroup(g, count, m.at());
            }
            default -> {
                x.onlyFields(m, c, ConditionsForm.requirement(kind));
                List<YamlNode> items = x.list(m.get(kind), c + ": `" + kind + "`");
                if (items.isEmpty()) {
                    x.error(Expect.MISSING_FIELD, m.get(kind).at(), c + ": `" + kind + "` is empty", "list at least one requirement");
                    return null;
                }
                List<Requirement> parts = new ArrayList<>();
                boolean ok = true;
                for (int i = 0; i < items.size(); i++) {
                    Requirement p = requirement(items.get(i), file, chain, c + ": `" + kind + "` " + (i + 1));
                    if (p == null) ok = false; else parts.add(p);
                }
                if (!ok) return null;
                return kind.equals("all") ? new Requirement.All(parts, m.at()) : new Requirement.Any(parts, m.at());
            }
        }
    }

    /** Each member of {@code g} must be a key of {@code chain}: checked once per member and chain. */
    private void checkMembers(Group g, Chain chain) {
        for (Group.Member member : g.members()) {
            if (!checked.add(member.at() + " " + chain.id())) continue;
            YamlScalar node = new YamlScalar(member.key(), false, YamlScalar.Kind.STRING, null, member.at());
            keys.resolve(x, groupFiles.get(g.name()), chain, node, "group `" + g.name() + "` (used by " + chain.withArticle() + " account)");
        }
    }

}
