package io.quorate.plan;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quorate.policy.Account;
import io.quorate.policy.AccountWeight;
import io.quorate.policy.Authority;
import io.quorate.policy.KeyRef;
import io.quorate.policy.KeyWeight;
import io.quorate.policy.NamedKey;
import io.quorate.policy.PolicySet;
import io.quorate.policy.WaitWeight;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The chain operations that carry the accounts of one policy set to another, written as a plan
 * (JSON, which plans accept as YAML) so that they are read and checked like any plan. Each
 * account's chain writes its own steps ({@link ChainSteps#diff}). Accounts that appear or
 * disappear are not changes of an account and get no steps.
 */
public final class DiffPlan {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> keyText = new HashMap<>();
    private final ArrayNode steps = JSON.createArrayNode();

    private DiffPlan(PolicySet before, PolicySet after) {
        // Keys are written as the new policy spells them, so that a renamed key still resolves.
        for (NamedKey k : before.keys()) keyText.put(k.name(), k.text());
        for (NamedKey k : after.keys()) keyText.put(k.name(), k.text());
    }

    static String of(PolicySet before, PolicySet after) {
        DiffPlan plan = new DiffPlan(before, after);
        for (Account next : after.accounts().values()) {
            Account prev = before.account(next.name());
            if (prev == null || prev.chain() != next.chain()) continue;
            ChainStepsRegistry.of(next.chain()).diff(prev, next, plan);
        }
        ObjectNode root = JSON.createObjectNode();
        root.put("quorate", 1);
        root.set("steps", plan.steps);
        return root.toString();
    }

    /** A new step {@code op} on {@code account}, numbered; the chain adds the operation's fields. */
    public ObjectNode step(String account, String op) {
        ObjectNode s = steps.addObject();
        s.put("id", "s" + steps.size());
        s.put("op", op);
        s.put("account", account);
        return s;
    }

    /** How the plan writes {@code k}: as the new policy spells it. */
    public String text(KeyRef k) {
        return keyText.getOrDefault(k.label(), k.label());
    }

    /** An authority as steps write it ({@code threshold, keys, accounts, waits}), its account entries under {@code refField}. */
    public ObjectNode authority(Authority a, String refField) {
        ObjectNode o = JSON.createObjectNode();
        o.put("threshold", a.threshold());
        if (!a.keys().isEmpty()) {
            ArrayNode keys = o.putArray("keys");
            for (KeyWeight k : a.keys()) keys.addObject().put("key", text(k.key())).put("weight", k.weight());
        }
        if (!a.accounts().isEmpty()) {
            ArrayNode accounts = o.putArray("accounts");
            for (AccountWeight w : a.accounts()) accounts.addObject().put(refField, w.label()).put("weight", w.weight());
        }
        if (!a.waits().isEmpty()) {
            ArrayNode waits = o.putArray("waits");
            for (WaitWeight w : a.waits()) waits.addObject().put("seconds", w.seconds()).put("weight", w.weight());
        }
        return o;
    }

    /** Authorities parents first (or children first when {@code reverse}), so that each step finds what it names. */
    public static List<Authority> byDepth(Map<String, Authority> all, boolean reverse) {
        List<Authority> out = new ArrayList<>(all.values());
        Map<String, Integer> depth = new HashMap<>();
        for (Authority p : out) {
            int d = 0;
            for (String q = p.parent(); q != null && d < all.size(); q = all.containsKey(q) ? all.get(q).parent() : null) d++;
            depth.put(p.name(), d);
        }
        out.sort((x, y) -> reverse ? depth.get(y.name()) - depth.get(x.name()) : depth.get(x.name()) - depth.get(y.name()));
        return out;
    }

    /** What an authority says, without where it is written. */
    public static String shape(Authority a) {
        List<String> parts = new ArrayList<>();
        parts.add("t" + a.threshold());
        a.keys().stream().map(k -> k.key().id() + "=" + k.weight()).sorted().forEach(parts::add);
        a.accounts().stream().map(w -> w.label() + "=" + w.weight()).sorted().forEach(parts::add);
        a.waits().stream().map(w -> w.seconds() + "s=" + w.weight()).sorted().forEach(parts::add);
        return String.join(",", parts);
    }
}
