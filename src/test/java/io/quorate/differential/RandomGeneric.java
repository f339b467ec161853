package io.quorate.differential;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Generic policies: authorities with parents, validity windows, nested and cyclic references
 * across accounts (and to missing ones), {@code max_depth}, action maps with {@code "*"};
 * transactions at times inside, outside and on the edges of the windows.
 */
final class RandomGeneric {

    private static final List<String> ACCOUNTS = List.of("vault", "ops", "board");
    private static final List<String> AUTHORITIES = List.of("admin", "spend", "audit", "daily");
    private static final List<String> ACTIONS = List.of("withdraw", "audit", "pay", "admin", "spend", "fly");
    static final Instant BASE = Instant.parse("2027-01-01T00:00:00Z");

    private record Auth(List<Integer> keys, List<String> refs) {
    }

    private RandomGeneric() {
    }

    static PolicyCase build(Genes g, List<Genes> txGenes) {
        KeyPool pool = new KeyPool(KeyPool.Kind.GENERIC, g, 3, 8);
        int count = g.between(1, 3);
        Map<String, List<String>> names = new LinkedHashMap<>();
        for (String acct : ACCOUNTS.subList(0, count)) {
            names.put(acct, new ArrayList<>(AUTHORITIES.subList(0, g.between(1, AUTHORITIES.size()))));
        }
        List<String> levels = new ArrayList<>();
        names.forEach((a, ns) -> ns.forEach(n -> levels.add(a + "@" + n)));
        StringBuilder sb = new StringBuilder("quorate: 1\n").append(pool.keysSection(g)).append("accounts:\n");
        Map<String, Map<String, Auth>> auths = new LinkedHashMap<>();
        for (var e : names.entrySet()) {
            String acct = e.getKey();
            sb.append("  ").append(acct).append(":\n    chain: generic\n");
            if (g.chance(25)) sb.append("    options: {max_depth: ").append(g.between(1, 4)).append("}\n");
            sb.append("    authorities:\n");
            Map<String, Auth> byName = new LinkedHashMap<>();
            List<String> ns = e.getValue();
            for (int i = 0; i < ns.size(); i++) {
                sb.append("      ").append(ns.get(i)).append(": {");
                List<String> parts = new ArrayList<>();
                List<String> keyEntries = new ArrayList<>();
                List<Integer> keys = pool.subset(g, g.pick(List.of(20, 40, 70)));
                long total = 0;
                for (int k : keys) {
                    int w = g.chance(10) ? 0 : g.between(1, 3);
                    total += w;
                    keyEntries.add("{key: " + Yaml.q(pool.ref(k, g)) + ", weight: " + w + "}");
                }
                List<String> refs = new ArrayList<>();
                List<String> refEntries = new ArrayList<>();
                Set<String> seen = new LinkedHashSet<>();
                int refCount = g.chance(45) ? g.between(1, 3) : 0;
                for (int r = 0; r < refCount; r++) {
                    int kind = g.below(15);
                    String ref = kind == 0 ? "ghost@admin" : kind == 1 ? acct + "@nothere" : g.pick(levels);
                    if (!seen.add(ref)) continue;
                    int w = g.between(0, 3);
                    total += w;
                    refs.add(ref);
                    refEntries.add("{account: " + Yaml.q(ref) + ", weight: " + w + "}");
                }
                long threshold = switch (g.below(6)) {
                    case 0 -> 1;
                    case 1 -> 0;
                    case 2, 3 -> total <= 1 ? 1 : g.betweenLong(1, total);
                    case 4 -> total + 1;
                    default -> Math.max(1, total);
                };
                parts.add("threshold: " + threshold);
                if (!keyEntries.isEmpty()) parts.add("keys: " + Yaml.list(keyEntries));
                if (!refEntries.isEmpty()) parts.add("accounts: " + Yaml.list(refEntries));
                if (i > 0 && g.chance(50)) parts.add("parent: " + Yaml.q(ns.get(g.below(i))));
                if (g.chance(30)) {
                    List<String> window = new ArrayList<>();
                    if (g.chance(70)) window.add("from: " + Yaml.q(BASE.plusSeconds(g.between(-3, 3) * 86_400L).toString()));
                    if (g.chance(70)) window.add("until: " + Yaml.q(BASE.plusSeconds(g.between(-1, 6) * 86_400L).toString()));
                    parts.add("valid: {" + String.join(", ", window) + "}");
                }
                sb.append(String.join(", ", parts)).append("}\n");
                byName.put(ns.get(i), new Auth(keys, refs));
            }
            auths.put(acct, byName);
            int actions = g.below(4);
            if (actions > 0) {
                Map<String, String> map = new LinkedHashMap<>();
                for (int a = 0; a < actions; a++) {
                    map.put(g.chance(25) ? "*" : g.pick(ACTIONS.subList(0, 3)), g.pick(ns));
                }
                List<String> entries = new ArrayList<>();
                map.forEach((k, v) -> entries.add(Yaml.q(k) + ": " + Yaml.q(v)));
                sb.append("    actions: {").append(String.join(", ", entries)).append("}\n");
            }
        }
        Decoy.maybeAppend(g, sb, "generic");
        List<String> txs = new ArrayList<>();
        for (int t = 0; t < txGenes.size(); t++) {
            txs.add(transaction(txGenes.get(t), pool, auths).render("t" + (t + 1)));
        }
        return new PolicyCase("generic", sb.toString(), txs);
    }

    private static TxText transaction(Genes g, KeyPool pool, Map<String, Map<String, Auth>> auths) {
        TxText tx = new TxText();
        List<String> accounts = new ArrayList<>(auths.keySet());
        int actions = g.chance(20) ? 2 : 1;
        Set<Integer> wanted = new LinkedHashSet<>();
        for (int a = 0; a < actions; a++) {
            String account = g.chance(3) ? "nobody" : g.chance(3) ? Decoy.NAME : g.pick(accounts);
            tx.action(account, g.pick(ACTIONS), null);
            Map<String, Auth> as = auths.get(account);
            if (as != null) collect(g, auths, as.get(g.pick(new ArrayList<>(as.keySet()))), wanted, 0);
        }
        for (int k : wanted) if (g.chance(65)) tx.signatures.add(pool.ref(k, g));
        if (g.chance(20)) tx.signatures.add(pool.ref(g.below(pool.size()), g));
        if (g.chance(8)) tx.signatures.add(pool.stranger(g.below(4), g));
        if (g.chance(5) && !tx.signatures.isEmpty()) tx.signatures.add(g.pick(new ArrayList<>(tx.signatures)));
        if (g.chance(2)) tx.signatures.add(" ");
        if (!g.chance(5)) {
            long seconds = g.chance(50) ? g.between(-4, 7) * 86_400L : g.between(-4 * 86_400, 7 * 86_400);
            tx.context.put("time", Yaml.q(BASE.plusSeconds(seconds).toString()));
        }
        return tx;
    }

    private static void collect(Genes g, Map<String, Map<String, Auth>> auths, Auth a, Set<Integer> out, int depth) {
        if (a == null || depth > 3) return;
        out.addAll(a.keys());
        for (String ref : a.refs()) {
            int at = ref.indexOf('@');
            Map<String, Auth> as = auths.get(ref.substring(0, at));
            if (as != null && g.chance(60)) collect(g, auths, as.get(ref.substring(at + 1)), out, depth + 1);
        }
    }
}
