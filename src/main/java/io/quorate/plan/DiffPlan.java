package io.quorate.plan;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quorate.policy.Account;
import io.quorate.policy.AccountWeight;
import io.quorate.chain.ft4.AuthDescriptor;
import io.quorate.policy.Authority;
import io.quorate.chain.casper.CasperAccount;
import io.quorate.chain.eos.EosAccount;
import io.quorate.chain.ft4.Ft4Account;
import io.quorate.chain.ft4.Ft4Rule;
import io.quorate.chain.generic.GenericAccount;
import io.quorate.chain.hive.HiveAccount;
import io.quorate.policy.KeyRef;
import io.quorate.policy.KeyWeight;
import io.quorate.policy.NamedKey;
import io.quorate.policy.PolicySet;
import io.quorate.policy.WaitWeight;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The chain operations that carry the accounts of one policy set to another, written as a plan
 * (JSON, which plans accept as YAML) so that they are read and checked like any plan. Accounts
 * that appear or disappear are not changes of an account and get no steps.
 */
final class DiffPlan {

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
            if (prev instanceof CasperAccount a && next instanceof CasperAccount b) plan.casper(a, b);
            else if (prev instanceof EosAccount a && next instanceof EosAccount b) plan.eos(a, b);
            else if (prev instanceof HiveAccount a && next instanceof HiveAccount b) plan.hive(a, b);
            else if (prev instanceof Ft4Account a && next instanceof Ft4Account b) plan.ft4(a, b);
            else if (prev instanceof GenericAccount a && next instanceof GenericAccount b) plan.generic(a, b);
        }
        ObjectNode root = JSON.createObjectNode();
        root.put("quorate", 1);
        root.set("steps", plan.steps);
        return root.toString();
    }

    private ObjectNode step(String account, String op) {
        ObjectNode s = steps.addObject();
        s.put("id", "s" + steps.size());
        s.put("op", op);
        s.put("account", account);
        return s;
    }

    private String text(KeyRef k) {
        return keyText.getOrDefault(k.label(), k.label());
    }

    private void casper(CasperAccount a, CasperAccount b) {
        Map<Object, KeyWeight> old = new LinkedHashMap<>();
        a.keys().forEach(k -> old.put(k.key().id(), k));
        Map<Object, KeyWeight> now = new LinkedHashMap<>();
        b.keys().forEach(k -> now.put(k.key().id(), k));
        now.forEach((id, k) -> {
            KeyWeight was = old.get(id);
            if (was == null) step(b.name(), "add_associated_key").put("key", text(k.key())).put("weight", k.weight());
            else if (was.weight() != k.weight()) step(b.name(), "update_associated_key").put("key", text(k.key())).put("weight", k.weight());
        });
        threshold(b, "key_management", a.keyManagement(), b.keyManagement());
        threshold(b, "deployment", a.deployment(), b.deployment());
        if (b.version() >= 2) threshold(b, "upgrade_management", a.upgradeManagement(), b.upgradeManagement());
        old.forEach((id, k) -> {
            if (!now.containsKey(id)) step(b.name(), "remove_associated_key").put("key", text(k.key()));
        });
    }

    private void threshold(CasperAccount b, String action, int was, int now) {
        if (was != now) step(b.name(), "set_action_threshold").put("action", action).put("threshold", now);
    }

    private void eos(EosAccount a, EosAccount b) {
        for (Authority p : byDepth(b.permissions(), false)) {
            Authority was = a.permissions().get(p.name());
            if (was != null && shape(was).equals(shape(p)) && Objects.equals(was.parent(), p.parent())) continue;
            ObjectNode s = step(b.name(), "updateauth").put("permission", p.name()).put("parent", p.parent() == null ? "" : p.parent());
            s.set("auth", authority(p, "permission"));
        }
        b.links().forEach((action, permission) -> {
            if (permission.equals(a.links().get(action))) return;
            int sep = action.indexOf("::");
            step(b.name(), "linkauth").put("code", action.substring(0, sep)).put("type", action.substring(sep + 2)).put("requirement", permission);
        });
        a.links().forEach((action, permission) -> {
            if (b.links().containsKey(action)) return;
            int sep = action.indexOf("::");
            step(b.name(), "unlinkauth").put("code", action.substring(0, sep)).put("type", action.substring(sep + 2));
        });
        for (Authority p : byDepth(a.permissions(), true)) {
            if (!b.permissions().containsKey(p.name())) step(b.name(), "deleteauth").put("permission", p.name());
        }
    }

    /** Permissions parents first (or children first when {@code reverse}), so that each step finds what it names. */
    private static List<Authority> byDepth(Map<String, Authority> all, boolean reverse) {
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

    private void hive(HiveAccount a, HiveAccount b) {
        ObjectNode s = null;
        for (String role : HiveSteps.ROLES) {
            Authority was = a.role(role);
            Authority now = b.role(role);
            if (now == null || was != null && shape(was).equals(shape(now))) continue;
            if (s == null) s = step(b.name(), "account_update");
            s.set(role, authority(now, "account"));
        }
    }

    private void ft4(Ft4Account a, Ft4Account b) {
        AuthDescriptor oldMain = Ft4Steps.main(a);
        AuthDescriptor newMain = Ft4Steps.main(b);
        if (newMain != null && (oldMain == null || !shape(oldMain).equals(shape(newMain)) || !oldMain.name().equals(newMain.name()))) {
            step(b.name(), "update_main_auth_descriptor").set("descriptor", descriptor(newMain));
        }
        for (AuthDescriptor d : a.descriptors()) {
            if (d.main()) continue;
            AuthDescriptor now = Ft4Steps.named(b, d.name());
            if (now == null || now.main() || !shape(now).equals(shape(d))) step(b.name(), "delete_auth_descriptor").put("descriptor", d.name());
        }
        for (AuthDescriptor d : b.descriptors()) {
            if (d.main()) continue;
            AuthDescriptor was = Ft4Steps.named(a, d.name());
            if (was == null || was.main() || !shape(was).equals(shape(d))) step(b.name(), "add_auth_descriptor").set("descriptor", descriptor(d));
        }
    }

    private void generic(GenericAccount a, GenericAccount b) {
        for (Authority p : byDepth(b.authorities(), false)) {
            Authority was = a.authorities().get(p.name());
            if (was != null && shape(was).equals(shape(p)) && Objects.equals(was.parent(), p.parent()) && Objects.equals(was.valid(), p.valid())) continue;
            ObjectNode s = step(b.name(), "set_authority").put("authority", p.name());
            s.setAll(authority(p, "account"));
            if (p.parent() != null) s.put("parent", p.parent());
            if (p.valid() != null) {
                ObjectNode v = s.putObject("valid");
                if (p.valid().from() != null) v.put("from", p.valid().from().toString());
                if (p.valid().until() != null) v.put("until", p.valid().until().toString());
            }
        }
        for (Authority p : byDepth(a.authorities(), true)) {
            if (!b.authorities().containsKey(p.name())) step(b.name(), "remove_authority").put("authority", p.name());
        }
    }

    private ObjectNode authority(Authority a, String refField) {
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

    private ObjectNode descriptor(AuthDescriptor d) {
        ObjectNode o = JSON.createObjectNode();
        o.put("name", d.name());
        ArrayNode signers = o.putArray("signers");
        d.signers().forEach(s -> signers.add(text(s)));
        if (d.signaturesRequired() != null) o.put("signatures_required", d.signaturesRequired());
        d.flags().forEach(o.putArray("flags")::add);
        if (d.rules() != null) {
            ArrayNode rules = o.putArray("rules");
            if (d.rules() instanceof Ft4Rule.And) rules.add("and");
            for (Ft4Rule.Comparison c : d.rules().comparisons()) {
                ArrayNode target = d.rules() instanceof Ft4Rule.And ? rules.addArray() : rules;
                target.add(c.op()).add(c.variable()).add(c.value());
            }
        }
        return o;
    }

    /** What an authority says, without where it is written. */
    static String shape(Authority a) {
        List<String> parts = new ArrayList<>();
        parts.add("t" + a.threshold());
        a.keys().stream().map(k -> k.key().id() + "=" + k.weight()).sorted().forEach(parts::add);
        a.accounts().stream().map(w -> w.label() + "=" + w.weight()).sorted().forEach(parts::add);
        a.waits().stream().map(w -> w.seconds() + "s=" + w.weight()).sorted().forEach(parts::add);
        return String.join(",", parts);
    }

    static String shape(AuthDescriptor d) {
        List<String> signers = d.signers().stream().map(k -> k.id().toString()).sorted().toList();
        String rules = d.rules() == null ? "" : d.rules().comparisons().stream().map(c -> c.op() + c.variable() + c.value()).toList().toString();
        return signers + "/" + d.signaturesRequired() + "/" + d.flags().stream().sorted().toList() + "/" + rules + "/" + d.main();
    }
}
