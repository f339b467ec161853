package io.quorate.conditions;

import static org.drools.model.PatternDSL.alphaIndexedBy;
import static org.drools.model.PatternDSL.declarationOf;
import static org.drools.model.PatternDSL.on;
import static org.drools.model.PatternDSL.pattern;
import static org.drools.model.PatternDSL.rule;

import io.quorate.compile.Drl;
import io.quorate.policy.conditions.AccountConditions;
import io.quorate.policy.conditions.AmountBound;
import io.quorate.policy.conditions.ConditionRule;
import io.quorate.policy.conditions.ConditionSet;
import io.quorate.policy.conditions.Membership;
import io.quorate.policy.conditions.NamedList;
import io.quorate.policy.conditions.When;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.drools.model.DSL;
import org.drools.model.Index;
import org.drools.model.PatternDSL;
import org.drools.model.Rule;
import org.drools.model.RuleItemBuilder;
import org.drools.model.Variable;
import org.drools.model.impl.ModelImpl;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;

/**
 * The organisation's conditions compiled into Drools rules with the executable model, beside the
 * authority rules and built the same way: each condition rule states its {@code when} as
 * constraints on the {@link ConditionCheck} (equality on the set, action and asset, alpha-indexed;
 * exact amount bounds; the memo's pattern; the time window; the spending limit) and joins one
 * {@link ConditionList} fact per list it names. {@link #drl()} renders the same rules.
 */
public final class ConditionRules {

    /** The rules' package, in the KieBase and in the rendered DRL. */
    public static final String PACKAGE = "io.quorate.conditions.policy";

    private static final int SET_INDEX = 0;
    private static final int ACTION_INDEX = 1;
    private static final int ASSET_INDEX = 2;

    private final ConditionSet conditions;
    private final String revision;
    private final List<CompiledCondition> rules;
    private final Map<String, NamedList> lists;
    private final KieBase kieBase;

    private ConditionRules(ConditionSet conditions, String revision, List<CompiledCondition> rules, Map<String, NamedList> lists, KieBase kieBase) {
        this.conditions = conditions;
        this.revision = revision;
        this.rules = rules;
        this.lists = lists;
        this.kieBase = kieBase;
    }

    /** The rules of {@code conditions}; null when no account has conditions. */
    public static ConditionRules build(ConditionSet conditions, String revision) {
        if (conditions.isEmpty()) return null;
        List<CompiledCondition> rules = new ArrayList<>();
        Map<String, NamedList> lists = new LinkedHashMap<>();
        for (ConditionRule r : conditions.rules()) {
            rules.add(compile(r));
            When w = r.when();
            for (Membership m : new Membership[] {w.to(), w.from()}) {
                if (m != null) lists.putIfAbsent(listName(r, m), m.list());
            }
        }
        ModelImpl model = new ModelImpl();
        for (CompiledCondition c : rules) {
            model.addRule(executable(c.name(), c.constraints(), c.joins(), c.source().id(), true));
            if (c.lacking() != null) model.addRule(executable(c.lackingName(), c.lacking(), List.of(), c.source().id(), false));
        }
        return new ConditionRules(conditions, revision, List.copyOf(rules), Map.copyOf(lists), KieBaseBuilder.createKieBaseFromModel(model));
    }

    /** The fact name of the list a membership names: the list's own name, or the rule's for an inline list. */
    static String listName(ConditionRule r, Membership m) {
        return m.list().inline() ? "inline " + r.set() + ": " + m.list().name() : m.list().name();
    }

    private static CompiledCondition compile(ConditionRule r) {
        When w = r.when();
        List<Constraint> head = head(r);
        List<Constraint> match = new ArrayList<>(head);
        List<String> assets = List.copyOf(w.assets());
        if (w.needsAmount()) {
            match.add(assetIs(assets));
            match.add(new Constraint("amount != null", c -> c.getAmount() != null));
            for (AmountBound b : w.amount()) {
                BigDecimal limit = b.limit().value();
                AmountBound.Op op = b.op();
                match.add(new Constraint("amount " + op.symbol() + " " + decimal(limit), c -> op.holds(c.getAmount().compareTo(limit))));
            }
        }
        List<ListJoin> joins = new ArrayList<>();
        if (w.to() != null) {
            match.add(new Constraint("to != null", c -> c.getTo() != null));
            joins.add(new ListJoin(w.to().in(), listName(r, w.to()), "to"));
        }
        if (w.from() != null) {
            match.add(new Constraint("from != null", c -> c.getFrom() != null));
            joins.add(new ListJoin(w.from().in(), listName(r, w.from()), "from"));
        }
        if (w.memo() != null) {
            Pattern p = w.memo().pattern();
            match.add(new Constraint("memo != null", c -> c.getMemo() != null));
            match.add(new Constraint("memo matches " + Drl.string(w.memo().regex()), c -> p.matcher(c.getMemo()).matches()));
        }
        if (w.time() != null) {
            String zone = w.time().zone().getId();
            String days = w.time().daysText();
            int from = w.time().fromMinute();
            int to = w.time().toMinute();
            boolean within = w.time().within();
            match.add(new Constraint("within(" + Drl.string(zone) + ", " + Drl.string(days) + ", " + from + ", " + to + ") == " + within,
                    c -> c.within(zone, days, from, to) == within));
        }
        if (w.spent() != null) {
            long seconds = w.spent().period().duration().getSeconds();
            BigDecimal over = w.spent().over().value();
            match.add(new Constraint("spentOver(" + seconds + "L, " + decimal(over) + ")", c -> c.spentOver(seconds, over)));
        }
        List<String> needed = w.neededData();
        if (needed.isEmpty()) return new CompiledCondition(r, List.copyOf(match), List.copyOf(joins), null);
        List<Constraint> lacking = new ArrayList<>(head);
        if (w.needsAmount()) {
            String list = assetList(assets);
            lacking.add(new Constraint("amount == null || asset " + list, c -> c.getAmount() == null || assets.contains(c.getAsset())));
        }
        List<String> parts = new ArrayList<>();
        for (String field : needed) parts.add(field + " == null");
        if (w.spent() != null) parts.add("spentKnown(" + w.spent().period().duration().getSeconds() + "L) == false");
        boolean amount = needed.contains("amount");
        boolean to = needed.contains("to");
        boolean from = needed.contains("from");
        boolean memo = needed.contains("memo");
        long spentSeconds = w.spent() == null ? -1 : w.spent().period().duration().getSeconds();
        lacking.add(new Constraint(String.join(" || ", parts), c -> amount && c.getAmount() == null || to && c.getTo() == null
                || from && c.getFrom() == null || memo && c.getMemo() == null || spentSeconds >= 0 && !c.spentKnown(spentSeconds)));
        return new CompiledCondition(r, List.copyOf(match), List.copyOf(joins), List.copyOf(lacking));
    }

    /** The set and the action: every rule of a set is reached by one hash lookup on the set, then on the action. */
    private static List<Constraint> head(ConditionRule r) {
        List<Constraint> out = new ArrayList<>();
        String set = r.set();
        out.add(new Constraint("set == " + Drl.string(set), c -> set.equals(c.getSet()),
                alphaIndexedBy(String.class, Index.ConstraintType.EQUAL, SET_INDEX, ConditionCheck::getSet, set)));
        List<String> actions = r.when().actions();
        if (actions.size() == 1) {
            String action = actions.get(0);
            out.add(new Constraint("action == " + Drl.string(action), c -> action.equals(c.getAction()),
                    alphaIndexedBy(String.class, Index.ConstraintType.EQUAL, ACTION_INDEX, ConditionCheck::getAction, action)));
        } else if (actions.size() > 1) {
            Set<String> any = Set.copyOf(actions);
            out.add(new Constraint("action in " + strings(actions), c -> any.contains(c.getAction())));
        }
        return out;
    }

    private static Constraint assetIs(List<String> assets) {
        if (assets.size() == 1) {
            String asset = assets.get(0);
            return new Constraint("asset == " + Drl.string(asset), c -> asset.equals(c.getAsset()),
                    alphaIndexedBy(String.class, Index.ConstraintType.EQUAL, ASSET_INDEX, ConditionCheck::getAsset, asset));
        }
        Set<String> any = Set.copyOf(assets);
        return new Constraint("asset in " + strings(assets), c -> any.contains(c.getAsset()));
    }

    private static String assetList(List<String> assets) {
        return assets.size() == 1 ? "== " + Drl.string(assets.get(0)) : "in " + strings(assets);
    }

    private static String strings(List<String> values) {
        return values.stream().map(Drl::string).collect(java.util.stream.Collectors.joining(", ", "(", ")"));
    }

    /** An exact decimal as DRL writes a BigDecimal literal. */
    static String decimal(BigDecimal value) {
        return value.toPlainString() + "B";
    }

    private static Rule executable(String name, List<Constraint> constraints, List<ListJoin> joins, int id, boolean match) {
        Variable<ConditionCheck> check = declarationOf(ConditionCheck.class, "$c");
        PatternDSL.PatternDef<ConditionCheck> pattern = pattern(check);
        for (Constraint c : constraints) {
            pattern = c.index() != null ? pattern.expr(c.drl(), c.test(), c.index()) : pattern.expr(c.drl(), c.test());
        }
        List<RuleItemBuilder<?>> items = new ArrayList<>();
        items.add(pattern);
        for (ListJoin j : joins) {
            Variable<ConditionList> list = declarationOf(ConditionList.class);
            String listName = j.list();
            PatternDSL.PatternDef<ConditionList> lp = pattern(list)
                    .expr("name == " + Drl.string(listName), l -> listName.equals(l.getName()),
                            alphaIndexedBy(String.class, Index.ConstraintType.EQUAL, 0, ConditionList::getName, listName))
                    .expr("lists($c." + j.field() + ") " + Drl.string(listName), check, (l, c) -> l.lists(j.value(c)));
            items.add(j.in() ? lp : DSL.not(lp));
        }
        items.add(on(check).execute(match ? c -> c.match(id) : c -> c.lack(id)));
        return rule(PACKAGE, name).build(items.toArray(new RuleItemBuilder<?>[0]));
    }

    public KieBase kieBase() {
        return kieBase;
    }

    public ConditionSet conditions() {
        return conditions;
    }

    /** The list facts every session holds, by fact name. */
    Map<String, NamedList> lists() {
        return lists;
    }

    /** The number of Drools rules: one per condition rule, one more per rule that needs data. */
    public int size() {
        return rules.size() + (int) rules.stream().filter(r -> r.lacking() != null).count();
    }

    /** The same rules built another way (the rendered DRL through the classic compiler, in tests). */
    public ConditionRules runBy(KieBase other) {
        return new ConditionRules(conditions, revision, rules, lists, other);
    }

    /** The rules as DRL: the same rules, constraints and constants that were built. */
    public String drl() {
        StringBuilder drl = new StringBuilder(256 + rules.size() * 320);
        drl.append("package ").append(PACKAGE).append(";\n\n")
                .append("import ").append(ConditionCheck.class.getName()).append(";\n")
                .append("import ").append(ConditionList.class.getName()).append(";\n\n")
                .append("// organisation conditions, policy revision ").append(revision).append('\n')
                .append("// one rule per condition: it marks the check of an action matched when its `when` holds;\n")
                .append("// a condition that needs data has a second rule, which marks the check lacking when the\n")
                .append("// action matches but the data is not there (missing-data: fail closed). Lists are facts:\n")
                .append("// ").append(lists.size()).append(lists.size() == 1 ? " list" : " lists").append(", each one ConditionList fact\n");
        String set = null;
        for (CompiledCondition c : rules) {
            if (!c.source().set().equals(set)) {
                set = c.source().set();
                AccountConditions a = setOf(set);
                drl.append("\n// ").append(Drl.comment(a.describe())).append(": ").append(a.combine().label()).append(", default ")
                        .append(a.defaultAllow() ? "allow" : "deny");
                if (a.shared()) drl.append(", used by ").append(Drl.comment(String.join(", ", conditions.accountsUsing(a))));
                drl.append('\n');
            }
            drl.append("// ").append(Drl.comment(c.source().name())).append(": ").append(c.source().outcome().kind()).append('\n');
            render(drl, c.name(), c.constraints(), c.joins(), "$c.match(" + c.source().id() + ");");
            if (c.lacking() != null) render(drl, c.lackingName(), c.lacking(), List.of(), "$c.lack(" + c.source().id() + ");");
        }
        return drl.toString();
    }

    private AccountConditions setOf(String key) {
        return conditions.sets().stream().filter(s -> s.key().equals(key)).findFirst().orElseThrow();
    }

    private static void render(StringBuilder drl, String name, List<Constraint> constraints, List<ListJoin> joins, String then) {
        drl.append("rule ").append(Drl.string(name)).append("\nwhen\n    $c : ConditionCheck( ");
        for (int i = 0; i < constraints.size(); i++) {
            if (i > 0) drl.append(",\n            ");
            String text = constraints.get(i).drl();
            drl.append(text.contains("||") ? "(" + text + ")" : text);
        }
        drl.append(" )\n");
        for (ListJoin j : joins) drl.append("    ").append(j.drl()).append('\n');
        drl.append("then\n    ").append(then).append("\nend\n");
    }
}
