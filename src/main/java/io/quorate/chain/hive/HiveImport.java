package io.quorate.chain.hive;

import io.quorate.chains.imports.Json;
import io.quorate.chains.imports.PolicyDraft;
import io.quorate.chains.imports.YamlWriter;
import io.quorate.policy.Chain;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hive accounts as {@code condenser_api.get_accounts} (an array) or {@code database_api.find_accounts}
 * ({@code {accounts: [...]}}) return them, bare or inside the JSON-RPC {@code result}: each with
 * {@code name} and {@code owner}, {@code active}, {@code posting} authorities of
 * {@code weight_threshold}, {@code key_auths [[key, weight]]} and {@code account_auths [[account, weight]]}.
 */
final class HiveImport {

    private static final List<String> ROLES = List.of("owner", "active", "posting");
    private static final long MAX_THRESHOLD = 4_294_967_295L;
    private static final long MAX_WEIGHT = 65_535;

    private HiveImport() {
    }

    static void read(Json root, PolicyDraft draft) {
        Json accounts = root.has("result") ? root.get("result") : root;
        if (accounts.has("accounts")) accounts = accounts.get("accounts");
        if (!accounts.isArray() && accounts.has("name")) {
            account(accounts, draft);
            return;
        }
        List<Json> all = accounts.elements();
        if (all.isEmpty() && accounts.isArray()) accounts.problem("no accounts: the account name may be misspelled", null);
        all.forEach(a -> account(a, draft));
    }

    private static void account(Json a, PolicyDraft draft) {
        Json nameNode = a.required("name");
        String name = nameNode == null ? null : nameNode.string();
        if (name == null) return;
        Map<String, Object> body = new YamlWriter.Block();
        body.put("chain", Chain.HIVE.id());
        boolean usable = true;
        for (String role : ROLES) {
            Json r = a.get(role);
            if (r.isAbsent()) continue;
            Map<String, Object> authority = authority(r, name, role, draft);
            if (authority == null) usable = false;
            else body.put(role, authority);
        }
        if (usable) draft.account(name, body, a);
    }

    private static Map<String, Object> authority(Json r, String account, String role, PolicyDraft draft) {
        if (!r.expectObject()) return null;
        Map<String, Object> out = new LinkedHashMap<>();
        Json t = r.required("weight_threshold");
        Long threshold = t == null ? null : t.integer(0, MAX_THRESHOLD);
        out.put("threshold", threshold);
        List<Object> keys = new ArrayList<>();
        int position = 0;
        for (Json pair : r.get("key_auths").optionalElements()) {
            position++;
            boolean ok = pair(pair);
            String text = ok ? pair.get(0).string() : null;
            Long weight = ok ? pair.get(1).integer(0, MAX_WEIGHT) : null;
            String name = text == null ? null : draft.key(Chain.HIVE, text, account + "_" + role + "_" + position, pair.get(0));
            if (name != null && weight != null) keys.add(entry("key", name, weight));
        }
        List<Object> accounts = new ArrayList<>();
        for (Json pair : r.get("account_auths").optionalElements()) {
            boolean ok = pair(pair);
            String other = ok ? pair.get(0).string() : null;
            Long weight = ok ? pair.get(1).integer(0, MAX_WEIGHT) : null;
            if (other != null && weight != null) accounts.add(entry("account", other, weight));
        }
        if (!keys.isEmpty()) out.put("keys", keys);
        if (!accounts.isEmpty()) out.put("accounts", accounts);
        return threshold == null ? null : out;
    }

    /** {@code [name or key, weight]}, else a recorded problem. */
    private static boolean pair(Json pair) {
        if (pair.isArray() && pair.node().size() == 2) return true;
        pair.problem("expected a pair [name or key, weight], got " + pair.describe(), null);
        return false;
    }

    private static Map<String, Object> entry(String field, Object value, long weight) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(field, value);
        m.put("weight", weight);
        return m;
    }
}
