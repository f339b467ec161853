package io.quorate.differential;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Casper policies: u8 weights (saturating sums), all three thresholds, versions 1 and 2, keys as
 * tagged hex, account hashes or names; deploys with zero, a few, exactly 100 and more than 100
 * approvals, signers that are not associated, and every action.
 */
final class RandomCasper {

    private static final List<String> ACCOUNTS = List.of("treasury", "vault");
    private static final List<String> ACTIONS = List.of("deploy", "deployment", "key_management", "upgrade_management",
            "transfer");

    private RandomCasper() {
    }

    static PolicyCase build(Genes g, List<Genes> txGenes) {
        KeyPool pool = new KeyPool(KeyPool.Kind.CASPER, g, 3, 8);
        int count = g.chance(30) ? 2 : 1;
        StringBuilder sb = new StringBuilder("quorate: 1\n").append(pool.keysSection(g)).append("accounts:\n");
        Map<String, List<Integer>> associated = new LinkedHashMap<>();
        for (String acct : ACCOUNTS.subList(0, count)) {
            sb.append("  ").append(acct).append(":\n    chain: casper\n");
            int v = g.below(3);
            if (v > 0) sb.append("    options: {version: ").append(v).append("}\n");
            List<Integer> keys = pool.subset(g, g.pick(List.of(40, 70, 100)));
            if (keys.isEmpty()) keys.add(0);
            List<String> entries = new ArrayList<>();
            int total = 0;
            boolean heavy = g.chance(30);
            for (int k : keys) {
                int w = heavy ? g.between(0, 255) : g.chance(10) ? 0 : g.between(1, 3);
                total += w;
                entries.add("{key: " + Yaml.q(pool.ref(k, g)) + ", weight: " + w + "}");
            }
            associated.put(acct, keys);
            sb.append("    keys: ").append(Yaml.list(entries)).append('\n');
            if (g.chance(80)) {
                List<String> t = new ArrayList<>();
                for (String name : List.of("deployment", "key_management", "upgrade_management")) {
                    if (g.chance(15)) continue;
                    t.add(name + ": " + threshold(g, total));
                }
                sb.append("    thresholds: {").append(String.join(", ", t)).append("}\n");
            }
            if (g.chance(20)) sb.append("    account_hash: ").append(Yaml.q(Keyring.casperHash(pool.indexes.get(keys.get(0))))).append('\n');
        }
        Decoy.maybeAppend(g, sb, "casper");
        List<String> txs = new ArrayList<>();
        for (int t = 0; t < txGenes.size(); t++) {
            txs.add(transaction(txGenes.get(t), pool, associated).render("t" + (t + 1)));
        }
        return new PolicyCase("casper", sb.toString(), txs);
    }

    private static int threshold(Genes g, int total) {
        return switch (g.below(6)) {
            case 0 -> 0;
            case 1, 2 -> g.between(1, Math.max(1, Math.min(255, total)));
            case 3 -> Math.min(255, total + 1);
            case 4 -> 255;
            default -> 1;
        };
    }

    private static TxText transaction(Genes g, KeyPool pool, Map<String, List<Integer>> associated) {
        TxText tx = new TxText();
        List<String> accounts = new ArrayList<>(associated.keySet());
        int actions = g.chance(15) ? 2 : 1;
        for (int a = 0; a < actions; a++) {
            String account = g.chance(3) ? "nobody" : g.chance(3) ? Decoy.NAME : g.pick(accounts);
            tx.action(account, g.pick(ACTIONS), null);
        }
        int mode = g.below(20);
        if (mode == 0) {
            return tx;
        }
        if (mode == 1 || mode == 2) {
            int n = mode == 1 ? 100 : g.between(101, Keyring.SIZE - 1);
            List<Integer> order = new ArrayList<>(pool.indexes);
            for (int k = 0; k < Keyring.SIZE; k++) if (!order.contains(k)) order.add(k);
            for (int k = 0; k < n; k++) tx.signatures.add(pool.raw(order.get(k), g));
            if (g.chance(30)) tx.signatures.add(tx.signatures.get(0));
            return tx;
        }
        List<Integer> own = associated.get(g.pick(accounts));
        for (int k : own) if (g.chance(60)) tx.signatures.add(pool.ref(k, g));
        if (g.chance(20)) tx.signatures.add(pool.ref(g.below(pool.size()), g));
        if (g.chance(15)) tx.signatures.add(pool.stranger(g.below(4), g));
        if (g.chance(8) && !tx.signatures.isEmpty()) tx.signatures.add(g.pick(new ArrayList<>(tx.signatures)));
        if (g.chance(2)) tx.signatures.add("account-hash-12");
        return tx;
    }
}
