package io.quorate.chain.eos;

import io.quorate.chains.imports.Json;
import io.quorate.chains.imports.PolicyDraft;
import io.quorate.chains.imports.YamlWriter;
import io.quorate.policy.Chain;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * An Antelope account as {@code get_account} returns it: {@code account_name} and
 * {@code permissions[].{perm_name, parent, required_auth, linked_actions}}. A file may also hold
 * an array of such accounts. Other Antelope chains answer the same way; a chain whose keys have
 * their own prefix ({@code FIO…}) gets {@code options: {key_prefix}}.
 */
final class EosImport {

    private static final long MAX_THRESHOLD = 4_294_967_295L;
    private static final long MAX_WEIGHT = 65_535;
    private static final long MAX_WAIT = 4_294_967_295L;

    private EosImport() {
    }

    static void read(Json root, PolicyDraft draft) {
        if (root.isArray()) {
            root.elements().forEach(a -> account(a, draft));
        } else {
            account(root, draft);
        }
    }

    private static void account(Json a, PolicyDraft draft) {
        Json nameNode = a.required("account_name");
        String name = nameNode == null ? null : nameNode.string();
        Json permissionsNode = a.required("permissions");
        if (name == null || permissionsNode == null) return;
        Map<String, Object> permissions = new YamlWriter.Block();
        Map<String, Object> links = new YamlWriter.Block();
        Set<String> prefixes = new TreeSet<>();
        for (Json p : permissionsNode.elements()) {
            Json permNode = p.required("perm_name");
            String perm = permNode == null ? null : permNode.string();
            if (perm == null) continue;
            if (permissions.containsKey(perm)) {
                permNode.problem("permission `" + perm + "` is listed twice", null);
                continue;
            }
            Map<String, Object> body = new LinkedHashMap<>();
            String parent = p.get("parent").isAbsent() ? "" : p.get("parent").string();
            if (parent != null && !parent.isEmpty() && !parent.equals(defaultParent(perm))) body.put("parent", parent);
            Json auth = p.required("required_auth");
            if (auth != null && authority(auth, name, perm, body, draft, prefixes)) permissions.put(perm, body);
            for (Json link : p.get("linked_actions").optionalElements()) {
                Json contract = link.required("account");
                String c = contract == null ? null : contract.string();
                String action = link.get("action").isAbsent() ? "*" : link.get("action").string();
                if (c != null && action != null) links.put(c + "::" + (action.isEmpty() ? "*" : action), perm);
            }
        }
        Map<String, Object> body = new YamlWriter.Block();
        body.put("chain", Chain.EOS.id());
        if (prefixes.size() > 1) {
            a.problem("account `" + name + "`: its keys are written with several prefixes (" + String.join(", ", prefixes.stream()
                    .map(p -> "`" + p + "`").toList()) + ")", "an Antelope node prints every key with its chain's prefix: import each chain's answer on its own");
            return;
        }
        // other Antelope chains write legacy keys with their own prefix (FIO…): the account says which
        if (prefixes.size() == 1 && !prefixes.contains("EOS")) body.put("options", Map.of("key_prefix", prefixes.iterator().next()));
        body.put("permissions", treeOrder(permissions));
        if (!links.isEmpty()) body.put("links", links);
        draft.account(name, body, a);
    }

    /** Reads {@code {threshold, keys, accounts, waits}} into {@code body}; false when it is unusable. */
    private static boolean authority(Json auth, String account, String perm, Map<String, Object> body, PolicyDraft draft,
                                     Set<String> prefixes) {
        Json t = auth.required("threshold");
        Long threshold = t == null ? null : t.integer(0, MAX_THRESHOLD);
        body.put("threshold", threshold);
        List<Object> keys = new ArrayList<>();
        int position = 0;
        for (Json k : auth.get("keys").optionalElements()) {
            position++;
            Json keyNode = k.required("key");
            String text = keyNode == null ? null : keyNode.string();
            Long weight = weight(k);
            String name = text == null ? null : draft.key(Chain.EOS, text, account + "_" + perm + "_" + position, keyNode);
            String prefix = name == null || text.startsWith("PUB_") ? null : EosKeys.legacyPrefix(text);
            if (prefix != null) prefixes.add(prefix);
            if (name != null && weight != null) keys.add(entry("key", name, weight));
        }
        List<Object> accounts = new ArrayList<>();
        for (Json a : auth.get("accounts").optionalElements()) {
            Json level = a.required("permission");
            String actor = null;
            String permission = null;
            if (level != null) {
                Json actorNode = level.required("actor");
                Json permissionNode = level.required("permission");
                actor = actorNode == null ? null : actorNode.string();
                permission = permissionNode == null ? null : permissionNode.string();
            }
            Long weight = weight(a);
            if (actor != null && permission != null && weight != null) {
                accounts.add(entry("permission", actor + "@" + permission, weight));
            }
        }
        List<Object> waits = new ArrayList<>();
        for (Json w : auth.get("waits").optionalElements()) {
            Json sec = w.required("wait_sec");
            Long seconds = sec == null ? null : sec.integer(0, MAX_WAIT);
            Long weight = weight(w);
            if (seconds != null && weight != null) waits.add(entry("seconds", seconds, weight));
        }
        if (!keys.isEmpty()) body.put("keys", keys);
        if (!accounts.isEmpty()) body.put("accounts", accounts);
        if (!waits.isEmpty()) body.put("waits", waits);
        return threshold != null;
    }

    private static Long weight(Json entry) {
        Json w = entry.required("weight");
        return w == null ? null : w.integer(0, MAX_WEIGHT);
    }

    private static Map<String, Object> entry(String field, Object value, long weight) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(field, value);
        m.put("weight", weight);
        return m;
    }

    /** Owner, active, then the others as the node listed them (it sorts them by name). */
    private static Map<String, Object> treeOrder(Map<String, Object> permissions) {
        Map<String, Object> out = new YamlWriter.Block();
        for (String first : List.of("owner", "active")) {
            if (permissions.containsKey(first)) out.put(first, permissions.get(first));
        }
        permissions.forEach(out::putIfAbsent);
        return out;
    }

    /** What the policy format assumes when a permission names no parent. */
    private static String defaultParent(String perm) {
        return switch (perm) {
            case "owner" -> "";
            case "active" -> "owner";
            default -> "active";
        };
    }
}
