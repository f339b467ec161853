package io.quorate.chain.casper;

import io.quorate.chains.imports.Json;
import io.quorate.chains.imports.PolicyDraft;
import io.quorate.chains.imports.YamlWriter;
import io.quorate.policy.Chain;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A Casper account as {@code state_get_account_info} returns it ({@code {"account": {...}}}, or the
 * JSON-RPC response around it), as a stored value ({@code {"Account": {...}}}), or bare:
 * {@code account_hash}, {@code associated_keys [{account_hash, weight}]} and
 * {@code action_thresholds {deployment, key_management, upgrade_management?}}. Without
 * {@code upgrade_management} the account comes from a Casper 1.x node and is imported as version 1.
 * The account is named {@code casper_} and the first eight hex digits of its hash; its own key is
 * {@code <account>_primary}, the others {@code <account>_key_<position>}.
 */
final class CasperImport {

    private static final long MAX_U8 = 255;

    private CasperImport() {
    }

    static void read(Json root, PolicyDraft draft) {
        Json a = unwrap(root);
        if (!a.expectObject()) return;
        Json hashNode = a.has("account_hash") || !a.has("entity_kind") ? a.required("account_hash") : entityAccount(a.get("entity_kind"));
        String hash = hashNode == null ? null : hashNode.string();
        if (hash != null && !hash.matches("account-hash-[0-9a-fA-F]{64}")) {
            hashNode.problem("`" + hash + "` is not an account hash", "account hashes are `account-hash-` and 64 hex digits");
            hash = null;
        }
        if (hash == null) return;
        hash = hash.toLowerCase(Locale.ROOT);
        String name = "casper_" + hash.substring("account-hash-".length(), "account-hash-".length() + 8);
        List<Object> keys = new ArrayList<>();
        Json associated = a.required("associated_keys");
        int position = 0;
        for (Json k : associated == null ? List.<Json>of() : associated.elements()) {
            position++;
            Json keyNode = k.required("account_hash");
            String text = keyNode == null ? null : keyNode.string();
            Json w = k.required("weight");
            Long weight = w == null ? null : w.integer(0, MAX_U8);
            String suggested = hash.equalsIgnoreCase(text) ? name + "_primary" : name + "_key_" + position;
            String keyName = text == null ? null : draft.key(Chain.CASPER, text, suggested, keyNode);
            if (keyName != null && weight != null) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("key", keyName);
                entry.put("weight", weight);
                keys.add(entry);
            }
        }
        Json t = a.required("action_thresholds");
        Map<String, Object> thresholds = new LinkedHashMap<>();
        boolean version2 = false;
        if (t != null && t.expectObject()) {
            for (String action : List.of("deployment", "key_management", "upgrade_management")) {
                if (action.equals("upgrade_management") && !t.has(action)) continue;
                Json v = t.required(action);
                Long threshold = v == null ? null : v.integer(0, MAX_U8);
                if (threshold != null) thresholds.put(action, threshold);
            }
            version2 = t.has("upgrade_management");
        }
        Map<String, Object> body = new YamlWriter.Block();
        body.put("chain", Chain.CASPER.id());
        if (!version2) body.put("options", Map.of("version", 1));
        body.put("keys", keys);
        body.put("thresholds", thresholds);
        body.put("account_hash", hash);
        draft.account(name, body, a);
    }

    /**
     * The account object inside the wrappers the node's answers put around it: 1.x
     * {@code state_get_account_info} ({@code result.account}), {@code query_global_state}
     * ({@code result.stored_value.Account}), and 2.0 {@code state_get_entity}
     * ({@code result.entity.AddressableEntity.entity}, or {@code LegacyAccount} for an account not
     * yet migrated).
     */
    private static Json unwrap(Json root) {
        Json a = root;
        if (a.has("result")) a = a.get("result");
        if (a.has("stored_value")) a = a.get("stored_value");
        if (a.has("entity") && !a.has("entity_kind")) a = a.get("entity");
        if (a.has("AddressableEntity")) {
            a = a.get("AddressableEntity");
            if (a.has("entity")) a = a.get("entity");
        } else if (a.has("LegacyAccount")) {
            a = a.get("LegacyAccount");
        }
        if (a.has("account")) a = a.get("account");
        else if (a.has("Account")) a = a.get("Account");
        return a;
    }

    /** A 2.0 entity's account hash, from {@code entity_kind: {Account: "account-hash-…"}}; null (reported) for a contract. */
    private static Json entityAccount(Json kind) {
        if (kind.has("Account")) return kind.get("Account");
        String what = kind.isObject() && kind.node().size() > 0 ? "a `" + kind.node().fieldNames().next() + "`" : kind.describe();
        kind.problem("the entity is " + what + ", not an account", "import the entity of an account (`entity_kind: {Account: …}`)");
        return null;
    }
}
