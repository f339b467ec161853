package io.quorate.plan;

import io.quorate.engine.ReasonCode;
import io.quorate.policy.Account;
import io.quorate.policy.Authority;
import io.quorate.policy.Chain;
import io.quorate.chain.generic.GenericAccount;
import io.quorate.policy.PolicySet;
import io.quorate.yaml.Expect;
import io.quorate.yaml.YamlMapping;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A generic account's changes: set an authority (new or replaced) or remove one. A change is
 * authorized by the authority itself or its parent (a new authority: its parent, else the
 * authority every other action needs, {@code "*"}); the result must stay valid: threshold at
 * least 1 and reachable. Generic accounts have no chain, so the error names are Quorate's.
 */
final class GenericSteps implements ChainSteps {

    static final List<String> AUTHORITY_FIELDS = List.of("threshold", "keys", "accounts", "parent", "valid");

    @Override
    public Chain chain() {
        return Chain.GENERIC;
    }

    @Override
    public Map<String, List<String>> fields() {
        Map<String, List<String>> f = new LinkedHashMap<>();
        List<String> set = new java.util.ArrayList<>(List.of("authority"));
        set.addAll(AUTHORITY_FIELDS);
        f.put("set_authority", set);
        f.put("remove_authority", List.of("authority"));
        return f;
    }

    @Override
    public Operation read(Step step, Account account, PlanKeys keys, Expect x) {
        String context = "step " + step.label();
        String name = x.string(x.required(step.node(), "authority", context), context + ": `authority`");
        if (name == null) return null;
        if (step.op().equals("remove_authority")) return new Remove(step, name);
        List<YamlMapping.Entry> own = step.node().entries().stream().filter(e -> AUTHORITY_FIELDS.contains(e.key())).toList();
        Authority a = PlanAuthorities.read(x, keys, Chain.GENERIC, new YamlMapping(own, List.of(), step.at()), name, null, context);
        return a == null ? null : new SetAuthority(step, a);
    }

    static GenericAccount account(PolicySet state, Step step) {
        return (GenericAccount) state.account(step.account());
    }

    static ChainError authorize(Step step, PolicySet before, Judge judge, String authority) {
        GenericAccount g = account(before, step);
        if (authority == null || !g.authorities().containsKey(authority)) {
            return new ChainError("unauthorized", "no authority of `" + g.name() + "` can make this change");
        }
        return Signed.error(judge.decide(before, Signed.transaction(step, Judge.probe(g, authority), null, null, null)),
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
