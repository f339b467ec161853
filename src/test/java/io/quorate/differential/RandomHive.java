package io.quorate.differential;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Hive policies: key and account auths, accounts nested two and three levels deep, threshold 0,
 * authorities with more than 40 entries, hardfork 27 and 28 (and accounts disagreeing about it),
 * roles left out; transactions mixing posting, active and owner operations.
 */
final class RandomHive {

    private static final List<String> ACCOUNTS = List.of("alpha", "bravo", "charlie", "delta.one", "echo-2");
    private static final List<String> ROLES = List.of("owner", "active", "posting");
    private static final List<String> OPERATIONS = List.of("transfer", "vote", "comment", "account_update", "custom_json",
            "owner", "active", "posting", "claim_reward_balance", "withdraw_vesting", "delete_comment",
            "change_recovery_account", "decline_voting_rights", "recover_account", "request_account_recovery",
            "limit_order_create", "frobnicate");

    private static final int FILLERS = 44;

    private record Role(List<Integer> keys, List<String> accounts) {
    }

    private RandomHive() {
    }

    static PolicyCase build(Genes g, List<Genes> txGenes) {
        KeyPool pool = new KeyPool(KeyPool.Kind.HIVE, g, 3, 8);
        int count = g.between(2, 5);
        List<String> names = ACCOUNTS.subList(0, count);
        int hfMode = g.below(10);
        // At most one role per policy gets more than 40 entries: the one at this position in writing order.
        int bigRole = g.chance(12) ? g.below(count * 3) : -1;
        int position = 0;
        String keys = pool.keysSection(g);
        StringBuilder sb = new StringBuilder();
        Map<String, Map<String, Role>> roles = new LinkedHashMap<>();
        for (String acct : names) {
            sb.append("  ").append(acct).append(":\n    chain: hive\n");
            int hf = hfMode < 5 ? 28 : hfMode < 9 ? 27 : (g.chance(50) ? 27 : 28);
            if (hf != 28 || g.chance(30)) sb.append("    options: {hardfork: ").append(hf).append("}\n");
            Map<String, Role> byRole = new LinkedHashMap<>();
            for (String role : ROLES) {
                if (g.chance(4)) continue;
                byRole.put(role, role(g, pool, names, role, position++ == bigRole, sb));
            }
            roles.put(acct, byRole);
        }
        Decoy.maybeAppend(g, sb, "hive");
        // Large authorities name their filler keys, so the search for missing keys need not decode them.
        StringBuilder fillers = new StringBuilder(keys.isEmpty() ? "keys:\n" : "");
        for (int f = 0; f < FILLERS; f++) fillers.append("  f").append(f).append(": ").append(Yaml.q(pool.raw(40 + f, g))).append('\n');
        String head = "quorate: 1\n" + keys + (sb.indexOf("\"f") >= 0 ? fillers : "") + "accounts:\n";
        sb.insert(0, head);
        List<String> txs = new ArrayList<>();
        for (int t = 0; t < txGenes.size(); t++) {
            txs.add(transaction(txGenes.get(t), pool, roles).render("t" + (t + 1)));
        }
        return new PolicyCase("hive", sb.toString(), txs);
    }

    private static Role role(Genes g, KeyPool pool, List<String> names, String role, boolean big, StringBuilder sb) {
        List<String> entries = new ArrayList<>();
        List<Integer> keys = new ArrayList<>();
        long total = 0;
        int percent = g.pick(List.of(0, 30, 50, 80));
        for (int i : pool.subset(g, percent)) {
            int w = weight(g);
            keys.add(i);
            total += w;
            entries.add("{key: " + Yaml.q(pool.ref(i, g)) + ", weight: " + w + "}");
        }
        if (big) {
            int filler = g.between(36, 44);
            for (int f = 0; f < filler; f++) {
                entries.add("{key: " + Yaml.q("f" + f) + ", weight: " + g.between(0, 2) + "}");
            }
        }
        String keyLine = entries.isEmpty() ? "" : ", keys: " + Yaml.list(entries);
        entries.clear();
        List<String> accounts = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        int refs = g.chance(40) ? g.between(1, 3) : 0;
        for (int r = 0; r < refs; r++) {
            String a = g.chance(5) ? "ghost" : g.pick(names);
            if (!seen.add(a)) continue;
            int w = weight(g);
            accounts.add(a);
            total += w;
            entries.add("{account: " + Yaml.q(a) + ", weight: " + w + "}");
        }
        String accountLine = entries.isEmpty() ? "" : ", accounts: " + Yaml.list(entries);
        long threshold = switch (g.below(7)) {
            case 0, 1 -> 1;
            case 2 -> 0;
            case 3, 4 -> total <= 1 ? 1 : g.betweenLong(1, total);
            case 5 -> total + 1;
            default -> g.chance(20) ? 4_294_967_295L : Math.max(0, total);
        };
        sb.append("    ").append(role).append(": {threshold: ").append(threshold).append(keyLine).append(accountLine).append("}\n");
        return new Role(keys, accounts);
    }

    private static int weight(Genes g) {
        return switch (g.below(4)) {
            case 0, 1 -> 1;
            case 2 -> g.between(0, 5);
            default -> g.between(0, 65_535);
        };
    }

    private static TxText transaction(Genes g, KeyPool pool, Map<String, Map<String, Role>> roles) {
        TxText tx = new TxText();
        List<String> accounts = new ArrayList<>(roles.keySet());
        int actions = g.chance(35) ? g.between(2, 3) : 1;
        Set<Integer> wanted = new LinkedHashSet<>();
        for (int a = 0; a < actions; a++) {
            String account = g.chance(3) ? "nobody" : g.chance(3) ? Decoy.NAME : g.pick(accounts);
            String op = g.pick(OPERATIONS);
            tx.action(account, op, null);
            Map<String, Role> rs = roles.get(account);
            if (rs != null) {
                Role r = rs.get(g.pick(ROLES));
                collect(g, roles, r, wanted, 0);
            }
        }
        for (int k : wanted) if (g.chance(65)) tx.signatures.add(pool.ref(k, g));
        if (g.chance(15)) tx.signatures.add(pool.ref(g.below(pool.size()), g));
        if (g.chance(5)) tx.signatures.add(g.chance(50) ? "f" + g.below(FILLERS) : pool.raw(40 + g.below(FILLERS), g));
        if (g.chance(5)) tx.signatures.add(pool.stranger(g.below(4), g));
        if (g.chance(4) && !tx.signatures.isEmpty()) tx.signatures.add(g.pick(new ArrayList<>(tx.signatures)));
        if (g.chance(2)) tx.signatures.add("STMnotakey");
        return tx;
    }

    private static void collect(Genes g, Map<String, Map<String, Role>> roles, Role r, Set<Integer> out, int depth) {
        if (r == null || depth > 3) return;
        out.addAll(r.keys());
        for (String a : r.accounts()) {
            Map<String, Role> rs = roles.get(a);
            if (rs != null && g.chance(60)) collect(g, roles, rs.get(g.pick(ROLES)), out, depth + 1);
        }
    }
}
