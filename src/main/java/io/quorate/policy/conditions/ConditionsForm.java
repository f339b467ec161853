package io.quorate.policy.conditions;

import static io.quorate.yaml.Form.anyOf;
import static io.quorate.yaml.Form.listOf;
import static io.quorate.yaml.Form.mapOf;
import static io.quorate.yaml.Form.matching;
import static io.quorate.yaml.Form.named;
import static io.quorate.yaml.Form.nonEmptyListOf;
import static io.quorate.yaml.Form.obj;
import static io.quorate.yaml.Form.oneOf;
import static io.quorate.yaml.Form.optional;
import static io.quorate.yaml.Form.required;
import static io.quorate.yaml.Form.text;

import io.quorate.policy.KeyForm;
import io.quorate.yaml.Form;
import io.quorate.yaml.IntRange;
import java.util.ArrayList;
import java.util.List;

/**
 * The fields of an organisation's conditions, as {@link ConditionsReader} and {@link WhenReader}
 * check them and {@code quorate schema policy} renders them: the top-level {@code assets},
 * {@code groups}, {@code lists} and shared {@code conditions}, and an account's {@code conditions}.
 * Where one field excludes another (a rule's outcomes, {@code in} and {@code not_in}, the kinds of
 * requirement) the schema says so with one variant per choice; the readers check the known fields
 * against the union and report the conflict themselves.
 */
public final class ConditionsForm {

    /** The field an account writes its conditions in. */
    public static final String ACCOUNT_FIELD = "conditions";

    /** Written like Amount parses it: digits, optional decimals, spaces, the symbol. */
    static final String AMOUNT_PATTERN = "^\\s*[0-9]{1,40}(\\.[0-9]{1,30})?[ ]+[A-Za-z][A-Za-z0-9]{0,15}\\s*$";
    /** Written like Period parses it. */
    static final String PERIOD_PATTERN = "^\\s*[1-9][0-9]{0,5}[mhdw]\\s*$";
    /** {@code HH:MM-HH:MM}; the reader takes spaces anywhere in it and checks the hours themselves. */
    static final String HOURS_PATTERN = "^ *[0-2] *[0-9] *: *[0-5] *[0-9] *- *[0-2] *[0-9] *: *[0-5] *[0-9] *$";
    static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");
    static final IntRange DECIMALS = IntRange.of(0, 30).as("at most 30 decimals");
    static final IntRange COUNT = IntRange.of(1, 1000);

    /** An asset's symbol: a letter, then up to 15 letters or digits. */
    static final String ASSETS_SYMBOL = "^[A-Za-z][A-Za-z0-9]{0,15}$";

    /** {@code assets: {CHAIN: {SYMBOL: DECIMALS}}}. */
    public static final Form.MapOf ASSETS = mapOf(
            new Form.MapOf(Form.whole(DECIMALS, "the asset's decimals"), ASSETS_SYMBOL,
                    "a symbol is a letter, then up to 15 letters or digits"),
            "assets beyond the chain's own, by chain, then by symbol, with their decimals");

    /** {@code groups: {NAME: [KEY, …]}}: members in the author's order, each once. */
    public static final Form.MapOf GROUPS = mapOf(nonEmptyListOf(KeyForm.KEY), "approver groups by name: their members' keys");

    /** A list kept in a file beside the policy file, one entry a line. */
    public static final Form.Obj LIST_FILE = obj("a list kept in a file, one entry a line",
            required("file", text("a path"), "the file, relative to the policy file that names it"));

    /** An inline list's entries. */
    static final Form.ListOf ENTRIES = listOf(text("an entry: an account, an address, …"));

    /** {@code lists: {NAME: [ENTRY, …] | {file: PATH}}}. */
    public static final Form.MapOf LISTS = mapOf(anyOf(ENTRIES, LIST_FILE), "lists by name: the entries, or `{file: PATH}`");

    /** A name or a non-empty list of names ({@code action}, {@code asset}). */
    private static Form oneOrMore(String what) {
        return anyOf(text(what), nonEmptyListOf(text(what)));
    }

    public static final Form.Obj AMOUNT = obj("bounds on the action's amount, each `\"<decimal> <ASSET>\"`; all given must hold",
            optional("gt", amount(), "the amount is greater than this"),
            optional("ge", amount(), "the amount is at least this"),
            optional("lt", amount(), "the amount is less than this"),
            optional("le", amount(), "the amount is at most this"))
            .requiringOneOf(List.of(List.of("gt"), List.of("ge"), List.of("lt"), List.of("le")));

    private static Form amount() {
        return matching(AMOUNT_PATTERN, "an amount and its asset, like `10000.0000 EOS`");
    }

    /** The fields of {@code to:} and {@code from:}; one of them is given. */
    public static final Form.Obj MEMBERSHIP_FIELDS = obj("membership of a list",
            optional("in", anyOf(text("a list name"), ENTRIES), "the party is in this list (a name from `lists:` or the entries)"),
            optional("not_in", anyOf(text("a list name"), ENTRIES), "the party is not in this list (a name from `lists:` or the entries)"));

    static final Form MEMBERSHIP = named("membership", exactlyOne(MEMBERSHIP_FIELDS, List.of("in", "not_in")));

    public static final Form.Obj MEMO = obj("the memo's pattern",
            required("matches", text("a Java regular expression"), "a regular expression the whole memo must match"));

    public static final Form.Obj WINDOW = obj("a weekly window of time",
            optional("days", nonEmptyListOf(matching(anyCase(DAYS), "a day: mon, tue, wed, thu, fri, sat or sun")),
                    "the days (every day when left out)"),
            optional("hours", matching(HOURS_PATTERN, "a span of hours, `HH:MM-HH:MM` on a 24-hour clock"),
                    "the hours of those days, the end not included (the whole day when left out; `22:00-06:00` spans midnight)"),
            optional("zone", text("a time zone of the tz database, like `Europe/Berlin`, or `UTC`"), "the time zone (UTC when left out)"));

    /** The fields of {@code time:}; one of them is given. */
    public static final Form.Obj TIME_FIELDS = obj("when the action is made",
            optional("within", named("time_window", WINDOW), "the action is made within the window"),
            optional("outside", named("time_window", WINDOW), "the action is made outside the window"));

    static final Form TIME = exactlyOne(TIME_FIELDS, List.of("within", "outside"));

    public static final Form.Obj SPENT = obj("a spending limit: it holds when the amount spent in the period plus this action's exceeds `over`",
            required("period", matching(PERIOD_PATTERN, "a period like `1h`, `24h` or `7d`"), "the period, like `1h`, `24h` or `7d`"),
            required("over", amount(), "the limit, like `50000.0000 EOS`"));

    /** A rule's {@code when}: every field given must hold; {@code {}} always holds. */
    public static final Form.Obj WHEN = obj("what the rule is about: every field given must hold",
            optional("action", oneOrMore("an action name"), "the action: a name or a list of names"),
            optional("asset", oneOrMore("an asset symbol"), "the asset: a symbol or a list of symbols"),
            optional("amount", AMOUNT, "bounds on the amount: `gt`, `ge`, `lt`, `le`"),
            optional("to", MEMBERSHIP, "the destination: `in` or `not_in` a list"),
            optional("from", MEMBERSHIP, "the sender: `in` or `not_in` a list"),
            optional("memo", MEMO, "the memo: `matches` a regular expression"),
            optional("time", TIME, "the time: `within` or `outside` a window of `days`, `hours` and `zone`"),
            optional("spent", SPENT, "the spending limit: `period` and `over`"));

    /** The kinds of requirement, each with its fields: one is given. */
    public static final Form.Obj REQUIRE_KEY = obj("one key's approval",
            required("key", KeyForm.KEY, "the key that must approve"));
    public static final Form.Obj REQUIRE_GROUP = obj("approvals from a group",
            required("group", text("a group name from `groups:`"), "the group"),
            optional("count", Form.whole(COUNT, "how many members must approve (1 when left out)"), "how many members must approve (1 when left out)"));
    public static final Form.Recursive REQUIREMENT = new Form.Recursive("requirement", ConditionsForm::requirement);
    public static final Form.Obj REQUIRE_ALL = obj("every one of these requirements",
            required("all", nonEmptyListOf(REQUIREMENT), "requirements that must all be met"));
    public static final Form.Obj REQUIRE_ANY = obj("any one of these requirements",
            required("any", nonEmptyListOf(REQUIREMENT), "requirements of which one must be met"));

    /** The requirement of {@code kind} ({@code key}, {@code group}, {@code all}, {@code any}). */
    public static Form.Obj requirement(String kind) {
        return switch (kind) {
            case "key" -> REQUIRE_KEY;
            case "group" -> REQUIRE_GROUP;
            case "all" -> REQUIRE_ALL;
            case "any" -> REQUIRE_ANY;
            default -> throw new IllegalArgumentException("no requirement kind `" + kind + "`");
        };
    }

    /** The kinds, in the order the reader tells them apart. */
    public static final List<String> REQUIREMENT_KINDS = List.of("key", "group", "all", "any");

    private static Form requirement() {
        return anyOf(REQUIRE_KEY, REQUIRE_GROUP, REQUIRE_ALL, REQUIRE_ANY);
    }

    /** The fields a rule may have; it has one of the outcomes. */
    public static final Form.Obj RULE_FIELDS = obj("a rule: when its `when` holds, its outcome applies",
            optional("name", text("the rule's name"), "the rule's name, which decisions report (`rule N` when left out)"),
            optional("when", named("when", WHEN), "what the rule is about (`{}`, or left out: every action)"),
            optional("deny", text("why"), "deny, with this message"),
            optional("allow", new Form.Exactly(true, "allow"), "allow: `true`"),
            optional("require", REQUIREMENT, "require approvals: `{key}`, `{group, count}`, `{all: […]}` or `{any: […]}`"));

    /** The outcomes a rule chooses among. */
    public static final List<String> OUTCOMES = List.of("deny", "allow", "require");

    static final Form RULE = named("rule", exactlyOne(RULE_FIELDS, OUTCOMES));

    /** A set of conditions: how its rules combine, the outcome when none matches, the rules. */
    public static final Form.Obj SET = obj("a set of conditions",
            optional("combine", oneOf("how the rules combine", "first-match", "deny-overrides"),
                    "`first-match` (default): the first rule whose `when` holds decides; `deny-overrides`: every matching rule applies, any deny wins"),
            optional("default", oneOf("the outcome when no rule matches", "allow", "deny"),
                    "the outcome when no rule matches (default `allow`: the chain alone decides)"),
            optional("rules", listOf(RULE), "the rules, in order"));

    static final Form.Named CONDITION_SET = named("condition_set", SET);

    /** The top-level {@code conditions:}: sets that accounts name. */
    public static final Form.MapOf SHARED = mapOf(CONDITION_SET, "condition sets by name, which accounts name in their `conditions`");

    /** An account's {@code conditions}: a set written in it, or the name of a shared set. */
    public static final Form ACCOUNT = anyOf(matching("\\S", "the name of a set under the top-level `conditions:`"), CONDITION_SET);

    private ConditionsForm() {
    }

    /**
     * {@code fields} with exactly one of {@code choices}: one variant per choice, each with that
     * field required and without the others (so the schema refuses two of them).
     */
    static Form exactlyOne(Form.Obj fields, List<String> choices) {
        List<Form> variants = new ArrayList<>();
        for (String choice : choices) {
            List<Form.Field> own = new ArrayList<>();
            for (Form.Field f : fields.fields()) {
                if (f.name().equals(choice)) {
                    own.add(new Form.Field(f.name(), f.form(), true, f.description()));
                } else if (!choices.contains(f.name())) {
                    own.add(f);
                }
            }
            variants.add(new Form.Obj(own, List.of(), fields.description()));
        }
        return new Form.AnyOf(variants);
    }

    /** Any of {@code words}, in any case ({@code Mon}, {@code MON}, {@code mon}). */
    static String anyCase(List<String> words) {
        StringBuilder out = new StringBuilder("^(");
        for (int i = 0; i < words.size(); i++) {
            if (i > 0) out.append('|');
            for (char ch : words.get(i).toCharArray()) {
                out.append('[').append(Character.toUpperCase(ch)).append(Character.toLowerCase(ch)).append(']');
            }
        }
        return out.append(")$").toString();
    }
}
