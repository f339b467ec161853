package io.quorate.policy.conditions;

import static io.quorate.policy.conditions.ConditionsReader.CONFLICTING_FIELDS;
import static io.quorate.policy.conditions.ConditionsReader.INVALID_AMOUNT;
import static io.quorate.policy.conditions.ConditionsReader.INVALID_HOURS;
import static io.quorate.policy.conditions.ConditionsReader.INVALID_PERIOD;
import static io.quorate.policy.conditions.ConditionsReader.INVALID_REGEX;
import static io.quorate.policy.conditions.ConditionsReader.UNKNOWN_ASSET;
import static io.quorate.policy.conditions.ConditionsReader.UNKNOWN_DAY;
import static io.quorate.policy.conditions.ConditionsReader.UNKNOWN_LIST;
import static io.quorate.policy.conditions.ConditionsReader.UNKNOWN_ZONE;
import static io.quorate.policy.conditions.ConditionsReader.WRONG_PRECISION;

import io.quorate.assets.Amount;
import io.quorate.assets.Assets;
import io.quorate.assets.Period;
import io.quorate.diag.SourceLocation;
import io.quorate.policy.Chain;
import io.quorate.yaml.Expect;
import io.quorate.yaml.Suggest;
import io.quorate.yaml.YamlMapping;
import io.quorate.yaml.YamlNode;
import io.quorate.yaml.YamlSequence;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads a rule's {@code when}: the action, the asset and amount bounds (checked against the assets
 * of the account's chain), list memberships, the memo's pattern, the time window and the spending
 * limit. {@code chain} is null for a shared set no account uses: what depends on a chain is not checked.
 */
final class WhenReader {

    private static final List<String> DAYS = ConditionsForm.DAYS;
    private static final Pattern HOURS = Pattern.compile("([01]\\d|2[0-3]):([0-5]\\d)-([01]\\d|2[0-3]|24):([0-5]\\d)");

    private final Expect x;
    private final Map<String, NamedList> lists;
    private final Map<String, Map<String, Integer>> declared;

    WhenReader(Expect x, Map<String, NamedList> lists, Map<String, Map<String, Integer>> declared) {
        this.x = x;
        this.lists = lists;
        this.declared = declared;
    }

    /** The entries of a list written inline, each with where it is written. */
    static EntryLocations.Builder entries(Expect x, YamlNode node, String c) {
        EntryLocations.Builder out = new EntryLocations.Builder(node.at() == null ? null : node.at().file());
        for (YamlNode item : x.list(node, c)) {
            String s = x.string(item, c + ": entry");
            if (s != null) out.add(s, item.at().line(), item.at().column());
        }
        return out;
    }



    When when(YamlNode node, Chain chain, String ruleName, String rc) {
        String c = rc + ": `when`";
        YamlMapping m = x.mapping(node, c);
        if (m == null) return null;
        x.onlyFields(m, c, ConditionsForm.WHEN);
        int before = x.diagnostics().size();
        List<String> actions = m.value("action") == null ? List.of() : names(m.get("action"), c + ": `action`");
        Set<String> assets = new LinkedHashSet<>();
        if (m.value("asset") != null) {
            for (String a : names(m.get("asset"), c + ": `asset`")) {
                if (checkAsset(a, chain, m.get("asset").at(), c + ": `asset`")) assets.add(a);
            }
        }
        List<AmountBound> bounds = m.value("amount") == null ? List.of() : bounds(m.get("amount"), chain, c + ": `amount`");
        Membership to = m.value("to") == null ? null : membership(m.get("to"), ruleName + "/to", c + ": `to`");
        Membership from = m.value("from") == null ? null : membership(m.get("from"), ruleName + "/from", c + ": `from`");
        MemoPattern memo = m.value("memo") == null ? null : memo(m.get("memo"), c + ": `memo`");
        TimeWindow time = m.value("time") == null ? null : time(m.get("time"), c + ": `time`");
        SpentLimit spent = m.value("spent") == null ? null : spent(m.get("spent"), chain, c + ": `spent`");
        Set<String> named = new LinkedHashSet<>();
        bounds.forEach(b -> named.add(b.limit().asset()));
        if (spent != null) named.add(spent.over().asset());
        if (named.size() > 1 || !assets.isEmpty() && !named.isEmpty() && !assets.containsAll(named) || assets.size() > 1 && !named.isEmpty()) {
            x.error(CONFLICTING_FIELDS, m.at(), c + ": the amounts name " + String.join(", ", named)
                    + (assets.isEmpty() ? "" : " and `asset` names " + String.join(", ", assets)),
                    "a rule is about one asset: an action's amount is in one asset");
        }
        if (x.diagnostics().size() > before) return null;
        return new When(actions, assets.isEmpty() && named.size() == 1 ? named : assets, bounds, to, from, memo, time, spent, m.at());
    }

    private List<String> names(YamlNode node, String c) {
        if (node instanceof YamlSequence) {
            List<String> out = x.strings(node, c);
            if (out.isEmpty()) x.error(Expect.MISSING_FIELD, node.at(), c + ": the list is empty", "name at least one, or leave the field out");
            return out;
        }
        String s = x.string(node, c);
        return s == null ? List.of() : List.of(s);
    }

    /** The assets of {@code chain}: its own and those the policy declares for it. */
    private Map<String, Integer> assetsOf(Chain chain) {
        Map<String, Integer> out = new TreeMap<>(Assets.of(chain.id()));
        out.putAll(declared.getOrDefault(chain.id(), Map.of()));
        return out;
    }

    private boolean checkAsset(String symbol, Chain chain, SourceLocation at, String c) {
        if (chain == null) return true;
        Map<String, Integer> known = assetsOf(chain);
        if (known.containsKey(symbol)) return true;
        String s = Suggest.didYouMean(symbol, known.keySet());
        x.error(UNKNOWN_ASSET, at, c + ": " + chain.id() + " has no asset `" + symbol + "`",
                (s != null ? s + "; " : "") + (known.isEmpty() ? "" : "its assets: " + String.join(", ", known.keySet()) + "; ")
                        + "declare a token under `assets: {" + chain.id() + ": {" + symbol + ": DECIMALS}}`");
        return false;
    }

    /** An amount a policy writes: an asset of the chain, at most its decimals, kept at exactly its decimals. */
    private Amount limit(YamlNode node, Chain chain, String c) {
        String text = x.string(node, c);
        if (text == null) return null;
        Amount a;
        try {
            a = Amount.parse(text);
        } catch (IllegalArgumentException e) {
            x.error(INVALID_AMOUNT, node.at(), c + ": " + e.getMessage(), "write the amount and its asset, like `10000.0000 EOS`");
            return null;
        }
        if (chain == null) return a;
        if (!checkAsset(a.asset(), chain, node.at(), c)) return null;
        int decimals = assetsOf(chain).get(a.asset());
        if (a.decimals() > decimals) {
            x.error(WRONG_PRECISION, node.at(), c + ": `" + text + "` has " + a.decimals() + " decimals; `" + a.asset() + "` has " + decimals,
                    "amounts of `" + a.asset() + "` are exact to " + decimals + " decimals");
            return null;
        }
        return a.withDecimals(decimals);
    }

    private List<AmountBound> bounds(YamlNode node, Chain chain, String c) {
        YamlMapping m = x.mapping(node, c);
        if (m == null) return List.of();
        x.onlyFields(m, c, ConditionsForm.AMOUNT);
        if (m.entries().isEmpty()) {
            x.error(Expect.MISSING_FIELD, m.at(), c + ": no bound", "give `gt`, `ge`, `lt` or `le`");
        }
        List<AmountBound> out = new ArrayList<>();
        for (AmountBound.Op op : AmountBound.Op.values()) {
            if (m.value(op.field()) == null) continue;
            Amount a = limit(m.get(op.field()), chain, c + ": `" + op.field() + "`");
            if (a != null) out.add(new AmountBound(op, a, m.get(op.field()).at()));
        }
        return out;
    }

    private Membership membership(YamlNode node, String inlineName, String c) {
        YamlMapping m = x.mapping(node, c);
        if (m == null) return null;
        x.onlyFields(m, c, ConditionsForm.MEMBERSHIP_FIELDS);
        List<String> kinds = ConditionsForm.MEMBERSHIP_FIELDS.names().stream().filter(m::has).toList();
        if (kinds.size() != 1) {
            x.error(kinds.isEmpty() ? Expect.MISSING_FIELD : CONFLICTING_FIELDS, m.at(), c + ": "
                    + (kinds.isEmpty() ? "neither `in` nor `not_in`" : "`not_in` next to `in`"), "write `{in: LIST}` or `{not_in: LIST}`");
            return null;
        }
        YamlNode v = m.get(kinds.get(0));
        boolean in = kinds.get(0).equals("in");
        if (v instanceof YamlSequence) {
            EntryLocations.Builder entries = entries(x, v, c);
            return new Membership(in, new NamedList(inlineName, entries.entries(), null, true, v.at(), entries.locations()), m.at());
        }
        String name = x.string(v, c + ": `" + kinds.get(0) + "`");
        if (name == null) return null;
        NamedList list = lists.get(name);
        if (list == null) {
            String s = Suggest.didYouMean(name, lists.keySet());
            x.error(UNKNOWN_LIST, v.at(), c + ": no list is named `" + name + "`",
                    s != null ? s : "declare it under the top-level `lists:`, or write the entries here as a list");
            return null;
        }
        return new Membership(in, list, m.at());
    }

    private MemoPattern memo(YamlNode node, String c) {
        YamlMapping m = x.mapping(node, c);
        if (m == null) return null;
        x.onlyFields(m, c, ConditionsForm.MEMO);
        YamlNode r = x.required(m, ConditionsForm.MEMO, "matches", c);
        String regex = r == null ? null : x.string(r, c + ": `matches`");
        if (regex == null) return null;
        try {
            return new MemoPattern(regex, Pattern.compile(regex), m.at());
        } catch (PatternSyntaxException e) {
            x.error(INVALID_REGEX, r.at(), c + ": `matches`: `" + regex + "` is not a regular expression: " + e.getDescription()
                    + (e.getIndex() >= 0 ? " near index " + e.getIndex() : ""), "Java regular expression syntax; the whole memo must match");
            return null;
        }
    }

    private TimeWindow time(YamlNode node, String c) {
        YamlMapping m = x.mapping(node, c);
        if (m == null) return null;
        x.onlyFields(m, c, ConditionsForm.TIME_FIELDS);
        List<String> kinds = ConditionsForm.TIME_FIELDS.names().stream().filter(m::has).toList();
        if (kinds.size() != 1) {
            x.error(kinds.isEmpty() ? Expect.MISSING_FIELD : CONFLICTING_FIELDS, m.at(), c + ": "
                    + (kinds.isEmpty() ? "neither `within` nor `outside`" : "`outside` next to `within`"),
                    "write `{within: {days, hours, zone}}` or `{outside: {…}}`");
            return null;
        }
        String wc = c + ": `" + kinds.get(0) + "`";
        YamlMapping w = x.mapping(m.get(kinds.get(0)), wc);
        if (w == null) return null;
        x.onlyFields(w, wc, ConditionsForm.WINDOW);
        Set<DayOfWeek> days = EnumSet.allOf(DayOfWeek.class);
        String daysText = "mon,tue,wed,thu,fri,sat,sun";
        boolean ok = true;
        if (w.value("days") != null) {
            days = EnumSet.noneOf(DayOfWeek.class);
            List<YamlNode> items = x.list(w.get("days"), wc + ": `days`");
            for (YamlNode item : items) {
                String d = x.string(item, wc + ": `days`");
                if (d == null) { ok = false; continue; }
                int i = DAYS.indexOf(d.toLowerCase(java.util.Locale.ROOT));
                if (i < 0) {
                    String s = Suggest.didYouMean(d, DAYS);
                    x.error(UNKNOWN_DAY, item.at(), wc + ": `days`: `" + d + "` is not a day", s != null ? s : "days are mon, tue, wed, thu, fri, sat, sun");
                    ok = false;
                    continue;
                }
                days.add(DayOfWeek.of(i + 1));
            }
            if (items.isEmpty()) {
                x.error(Expect.MISSING_FIELD, w.get("days").at(), wc + ": `days` is empty", "name at least one day, or leave `days` out for every day");
                ok = false;
            }
            daysText = days.stream().map(d -> DAYS.get(d.getValue() - 1)).collect(java.util.stream.Collectors.joining(","));
        }
        int from = 0;
        int to = 24 * 60;
        String hoursText = "00:00-24:00";
        if (w.value("hours") != null) {
            String h = x.string(w.get("hours"), wc + ": `hours`");
            java.util.regex.Matcher hm = h == null ? null : HOURS.matcher(h.replace(" ", ""));
            if (hm == null || !hm.matches() || hm.group(3).equals("24") && !hm.group(4).equals("00")) {
                if (h != null) x.error(INVALID_HOURS, w.get("hours").at(), wc + ": `hours`: `" + h + "` is not a span of hours",
                        "write `HH:MM-HH:MM` on a 24-hour clock, like `08:00-18:00` (`22:00-06:00` spans midnight)");
                ok = false;
            } else {
                from = Integer.parseInt(hm.group(1)) * 60 + Integer.parseInt(hm.group(2));
                to = Integer.parseInt(hm.group(3)) * 60 + Integer.parseInt(hm.group(4));
                hoursText = hm.group(0);
                if (from == to) {
                    x.error(INVALID_HOURS, w.get("hours").at(), wc + ": `hours`: `" + h + "` is empty", "the end is not included: `00:00-24:00` is the whole day");
                    ok = false;
                }
            }
        }
        ZoneId zone = ZoneId.of("UTC");
        if (w.value("zone") != null) {
            String z = x.string(w.get("zone"), wc + ": `zone`");
            try {
                zone = ZoneId.of(z);
            } catch (RuntimeException e) {
                if (z != null) {
                    String s = Suggest.didYouMean(z, ZoneId.getAvailableZoneIds());
                    x.error(UNKNOWN_ZONE, w.get("zone").at(), wc + ": `zone`: `" + z + "` is not a time zone",
                            s != null ? s : "write a zone of the tz database, like `Europe/Berlin`, or `UTC`");
                }
                ok = false;
            }
        }
        return ok ? new TimeWindow(kinds.get(0).equals("within"), days, from, to, zone, daysText, hoursText, m.at()) : null;
    }

    private SpentLimit spent(YamlNode node, Chain chain, String c) {
        YamlMapping m = x.mapping(node, c);
        if (m == null) return null;
        x.onlyFields(m, c, ConditionsForm.SPENT);
        YamlNode p = x.required(m, ConditionsForm.SPENT, "period", c);
        YamlNode o = x.required(m, ConditionsForm.SPENT, "over", c);
        Period period = null;
        String text = p == null ? null : x.string(p, c + ": `period`");
        if (text != null) {
            try {
                period = Period.parse(text);
            } catch (IllegalArgumentException e) {
                x.error(INVALID_PERIOD, p.at(), c + ": `period`: " + e.getMessage(), "periods are written like `1h`, `24h` or `7d`");
            }
        }
        Amount over = o == null ? null : limit(o, chain, c + ": `over`");
        return period == null || over == null ? null : new SpentLimit(period, over, m.at());
    }
}
