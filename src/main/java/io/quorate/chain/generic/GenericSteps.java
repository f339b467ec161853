package io.quorate.chain.generic;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quorate.engine.ReasonCode;
import io.quorate.plan.ChainError;
import io.quorate.plan.ChainSteps;
import io.quorate.plan.DiffPlan;
import io.quorate.plan.Judge;
import io.quorate.plan.Operation;
import io.quorate.plan.PlanAuthorities;
import io.quorate.plan.PlanKeys;
import io.quorate.plan.Signed;
import io.quorate.plan.Step;
import io.quorate.policy.Account;
import io.quorate.policy.Authority;
import io.quorate.policy.Chain;
import io.quorate.policy.PolicySet;
import io.quorate.yaml.Expect;
import io.quorate.yaml.Form;
import io.quorate.yaml.IntRange;
import io.quorate.yaml.YamlMapping;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A generic account's changes: set an authority (new or replaced) or remove one. A change is
 * authorized by the authority itself or its parent (a new authority: its parent, else the
 * authority every other action needs, {@code "*"}); the result must stay valid: threshold at
 * least 1 and reachable. Generic accounts have no chain, so the error names are Quorate's.
 */
public final class GenericSteps implements ChainSteps {

    /** An authority takes a parent and a validity; a weight is any non-negative int; an entry names {@code account@authority}. */
    static final PlanAuthorities.Form AUTHORITY = new PlanAuthorities.Form(Chain.GENERIC, List.of("parent", "valid"),
            IntRange.of(0, Integer.MAX_VALUE), "account", "authority");
    static final List<String> AUTHORITY_FIELDS = AUTHORITY.fields().names();

    @Override
    public Chain chain() {
        return Chain.GENERIC;
    }

    @Override
    public Map<String, List<Form.Field>> operations() {
        Form.Field authority = Form.required("authority", Form.text("an authority name"), "the authority");
        Map<String, List<Form.Field>> f = new LinkedHashMap<>();
        List<Form.Field> set = new java.util.ArrayList<>(List.of(authority));
        set.addAll(AUTHORITY.fields().fields());
        f.put("set_authority", set);
        f.put("remove_authority", List.of(authority));
        return f;
    }

    @Override
    public Operation read(Step step, Account account, PlanKeys keys, Expect x) {
        String context = "step " + step.label();
        String name = x.string(x.required(step.node(), "authority", context), context + ": `authority`");
        if (name == null) return null;
        if (step.op().equals("remove_authority")) return new Remove(step, name);
        List<YamlMapping.Entry> own = step.node().entries().stream().filter(e -> AUTHORITY_FIELDS.contains(e.key())).toList();
        Authority a = PlanAuthorities.read(x, keys, AUTHORITY, new YamlMapping(own, List.of(), step.at()), name, null, context);
        return a == null ? null : new SetAuthority(step, a);
    }

    /**
     * Each authority gets an action from its probe, so that any authority can be asked about by
     * name; the account's own actions come after and keep their meaning.
     */
    @Override
    public Account withProbes(Account account) {
        GenericAccount g = (GenericAccount) account;
        Map<String, String> actions = new LinkedHashMap<>();
        g.authorities().keySet().forEach(a -> actions.put(probe(a), a));
        actions.putAll(g.actions());
        return new GenericAccount(g.name(), g.authorities(), actions, g.maxDepth(), g.requirements(), g.at());
    }

    /** The action that needs exactly {@code authority}. */
    static String probe(String authority) {
        return Judge.PROBE + "." + authority;
    }

    @Override
    public void diff(Account was, Account now, DiffPlan plan) {
        GenericAccount a = (GenericAccount) was;
        GenericAccount b = (GenericAccount) now;
        for (Authority p : DiffPlan.byDepth(b.authorities(), false)) {
            Authority before = a.authorities().get(p.name());
            if (before != null && DiffPlan.shape(before).equals(DiffPlan.shape(p)) && Objects.equals(before.parent(), p.parent())
                    && Objects.equals(before.valid(), p.valid())) continue;
            ObjectNode s = plan.step(b.name(), "set_authority").put("authority", p.name());
            s.setAll(plan.authority(p, "account"));
            if (p.parent() != null) s.put("parent", p.parent());
            if (p.valid() != null) {
                ObjectNode v = s.putObject("valid");
                if (p.valid().from() != null) v.put("from", p.valid().from().toString());
                if (p.valid().until() != null) v.put("until", p.valid().until().toString());
            }
        }
        for (Authority p : DiffPlan.byDepth(a.authorities(), true)) {
            if (!b.authorities().containsKey(p.name())) plan.step(b.name(), "remove_authority").put("authority", p.name());
        }
    }

    static GenericAccount account(PolicySet state, Step step) {
        return (GenericAccount) state.account(step.account());
    }

    static ChainError authorize(Step step, PolicySet before, Judge judge, String authority) {
        GenericAccount g = account(before, step);
        if (authority == null || !g.authorities().containsKey(authority)) {
            return new ChainError("unauthorized", "no authority of `" + g.name() + "` can make this change");
        }
        return Signed.error(judge.decide(before, Signed.transaction(step, probe(authority), null, null, null)),
                Map.of(ReasonCode.UNSATISFIED_AUTHORITY, "unauthorized"));
    }

    private static GenericAccount with(GenericAccount g, Map<String, Authority> authorities) {
        return new GenericAccount(g.name(), authorities, g.actions(), g.maxDepth(), g.requirements(), g.at());
    }

    private record SetAuthority(Step step, Authority authority) implements Operation {

        @Override
        public ChainError authorize(PolicySet before, Judge judge) {
            GenericAccount g = account(before, step);
            String by = g.authorities().containsKey(authority.name()) ? authority.name()
                    : authority.parent() != null ? authority.parent() : g.actions().get("*");
            return GenericSteps.authorize(step, before, judge, by);
        }

        @Override
        public ChainError refusal(PolicySet before) {
            GenericAccount g = account(before, step);
            if (authority.threshold() < 1) return new ChainError("invalid-threshold", "`" + authority.name() + "` needs a threshold of at least 1");
            if (authority.totalWeight() < authority.threshold()) {
                return new ChainError("threshold-unreachable", "`" + authority.name() + "`'s weights sum to " + authority.totalWeight()
                        + ", below its threshold " + authority.threshold());
            }
            if (authority.parent() != null && !g.authorities().containsKey(authority.parent())) {
                return new ChainError("unknown-parent", "parent `" + authority.parent() + "` is not an authority of `" + g.name() + "`");
            }
            return null;
        }

        @Override
        public Account apply(PolicySet before) {
            GenericAccount g = account(before, step);
            Map<String, Authority> authorities = new LinkedHashMap<>(g.authorities());
            authorities.put(authority.name(), authority);
            return with(g, authorities);
        }

        @Override
        public List<String> touched() {
            return List.of(authority.name());
        }
    }

    private record Remove(Step step, String name) implements Operation {

        @Override
        public ChainError authorize(PolicySet before, Judge judge) {
            GenericAccount g = account(before, step);
            if (!g.authorities().containsKey(name)) return new ChainError("unknown-authority", "`" + g.name() + "` has no authority `" + name + "`");
            return GenericSteps.authorize(step, before, judge, name);
        }

        @Override
        public ChainError refusal(PolicySet before) {
            GenericAccount g = account(before, step);
            if (!g.authorities().containsKey(name)) return new ChainError("unknown-authority", "`" + g.name() + "` has no authority `" + name + "`");
            for (Authority a : g.authorities().values()) {
                if (name.equals(a.parent())) return new ChainError("authority-in-use", "`" + name + "` is the parent of `" + a.name() + "`");
            }
            for (Map.Entry<String, String> e : g.actions().entrySet()) {
                if (e.getValue().equals(name)) return new ChainError("authority-in-use", "action `" + e.getKey() + "` needs `" + name + "`");
            }
            return null;
        }

        @Override
        public Account apply(PolicySet before) {
            GenericAccount g = account(before, step);
            Map<String, Authority> authorities = new LinkedHashMap<>(g.authorities());
            authorities.remove(name);
            return with(g, authorities);
        }

        @Override
        public List<String> touched() {
            return List.of(name);
        }
    }
}
