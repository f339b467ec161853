package io.quorate.differential;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * EOS / Antelope policies: permission trees with custom permissions, cross-account references
 * (cycles, missing permissions and accounts, chains deeper than {@code max_authority_depth}),
 * waits, u16 weights with many ties, u32 thresholds, links; transactions with several actions,
 * declared permissions that are ancestors, non-ancestors or missing, approvals, delays, and
 * duplicate, foreign and unparsable signatures.
 */
final class RandomEos {

    private static final List<String> ACCOUNTS = List.of("alice", "bob.msig", "carol", "dave5");
    private static final List<String> CUSTOM = List.of("ops", "claim", "vote.sub", "deep", "ops.two");
    private static final List<String> LINKS = List.of("eosio.token::transfer", "eosio.token::*", "dex::trade", "dex::*",
            "eosio.token::issue");
    private static final List<String> ACTIONS = List.of("eosio.token::transfer", "eosio.token::issue", "dex::trade",
            "dex::cancel", "other::act", "ops", "owner", "active", "transfer");

    private record Auth(String name, String parent, List<Integer> keys, List<String> refs, List<Long> waits) {
    }

    private RandomEos() {
    }

    static PolicyCase build(Genes g, List<Genes> txGenes) {
        KeyPool pool = new KeyPool(KeyPool.Kind.EOS, g, 3, 8);
        int accountCount = g.between(2, 4);
        Map<String, List<String>> perms = new LinkedHashMap<>();
        for (int a = 0; a < accountCount; a++) {
            List<String> names = new ArrayList<>(List.of("owner", "active"));
            int customs = g.below(4);
            for (int c = 0; c < customs; c++) {
                String n = CUSTOM.get((a + c + g.below(CUSTOM.size())) % CUSTOM.size());
                if (!names.contains(n)) names.add(n);
            }
            perms.put(ACCOUNTS.get(a), names);
        }
        List<String> levels = new ArrayList<>();
        perms.forEach((acct, ps) -> ps.forEach(p -> levels.add(acct + "@" + p)));

        StringBuilder sb = new StringBuilder("quorate: 1\n").append(pool.keysSection(g)).append("accounts:\n");
        Map<String, Map<String, Auth>> auths = new LinkedHashMap<>();
        for (var e : perms.entrySet()) {
            String acct = e.getKey();
            sb.append("  ").append(acct).append(":\n    chain: eos\n");
            if (g.chance(50)) sb.append("    options: {max_authority_depth: ").append(g.between(1, 8)).append("}\n");
            sb.append("    permissions:\n");
            Map<String, Auth> byName = new LinkedHashMap<>();
            List<String> names = e.getValue();
            for (int i = 0; i < names.size(); i++) {
                String p = names.get(i);
                String parent = null;
                if (p.equals("active")) {
                    parent = g.chance(30) ? "owner" : null;
                } else if (!p.equals("owner") && g.chance(70)) {
                    parent = names.get(g.below(i));
                }
                sb.append("      ").append(p).append(":\n");
                if (parent != null) sb.append("        parent: ").append(parent).append('\n');
                byName.put(p, authority(g, pool, levels, acct, p, parent, sb));
            }
            auths.put(acct, byName);
            int links = g.below(4);
            if (links > 0) {
                sb.append("    links:\n");
                Set<String> seen = new LinkedHashSet<>();
                for (int l = 0; l < links; l++) {
                    String link = g.pick(LINKS);
                    if (!seen.add(link)) continue;
                    int r = g.below(10);
                    String target = r < 6 ? g.pick(names) : r < 8 ? "eosio.any" : r < 9 ? "active" : "nothere";
                    sb.append("      ").append(Yaml.q(link)).append(": ").append(Yaml.q(target)).append('\n');
                }
            }
        }
        Decoy.maybeAppend(g, sb, "eos");

        List<String> txs = new ArrayList<>();
        for (int t = 0; t < txGenes.size(); t++) {
            txs.add(transaction(txGenes.get(t), pool, auths, levels).render("t" + (t + 1)));
        }
        return new PolicyCase("eos", sb.toString(), txs);
    }

    private static Auth authority(Genes g, KeyPool pool, List<String> levels, String acct, String p, String parent,
                                  StringBuilder sb) {
        int weightMode = g.below(4);
        List<Integer> keys = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        long total = 0;
        int keyCount = g.below(4);
        for (int i : pool.subset(g, 100 * keyCount / Math.max(1, pool.size()) + 10)) {
            int w = weight(g, weightMode);
            keys.add(i);
            total += w;
            lines.add("{key: " + Yaml.q(pool.ref(i, g)) + ", weight: " + w + "}");
        }
        String keyLines = lines.isEmpty() ? "" : "        keys: " + Yaml.list(lines) + "\n";
        lines.clear();
        List<String> refs = new ArrayList<>();
        int refCount = g.below(4);
        Set<String> seen = new LinkedHashSet<>();
        for (int r = 0; r < refCount; r++) {
            int kind = g.below(20);
            String ref = kind == 0 ? "ghost@active" : kind == 1 ? g.pick(levels).split("@")[0] + "@nothere" : g.pick(levels);
            if (!seen.add(ref)) continue;
            int w = weight(g, weightMode);
            refs.add(ref);
            total += w;
            lines.add("{permission: " + Yaml.q(ref) + ", weight: " + w + "}");
        }
        String refLines = lines.isEmpty() ? "" : "        accounts: " + Yaml.list(lines) + "\n";
        lines.clear();
        List<Long> waits = new ArrayList<>();
        int waitCount = g.chance(30) ? g.between(1, 2) : 0;
        long seconds = 0;
        for (int w = 0; w < waitCount; w++) {
            seconds += g.chance(10) ? g.betweenLong(3_888_000L, 4_294_967_295L) - seconds : g.between(1, 7200);
            if (seconds > 4_294_967_295L) break;
            int weight = weight(g, weightMode);
            waits.add(seconds);
            total += weight;
            lines.add("{seconds: " + seconds + ", weight: " + weight + "}");
        }
        String waitLines = lines.isEmpty() ? "" : "        waits: " + Yaml.list(lines) + "\n";
        long threshold = switch (g.below(8)) {
            case 0, 1 -> 1;
            case 2, 3 -> total <= 1 ? 1 : g.betweenLong(1, total);
            case 4 -> Math.max(1, total);
            case 5 -> total + 1;
            case 6 -> g.chance(50) ? 4_294_967_295L : g.betweenLong(65_536, 4_294_967_295L);
            default -> g.chance(15) ? 0 : Math.max(1, total / 2);
        };
        sb.append("        threshold: ").append(Math.min(threshold, 4_294_967_295L)).append('\n');
        sb.append(keyLines).append(refLines).append(waitLines);
        return new Auth(p, parent, keys, refs, waits);
    }

    private static int weight(Genes g, int mode) {
        return switch (mode) {
            case 0 -> 1;
            case 1 -> g.between(1, 3);
            case 2 -> g.chance(10) ? 0 : g.between(1, 10);
            default -> g.chance(30) ? 65_535 : g.between(0, 65_535);
        };
    }

    private static TxText transaction(Genes g, KeyPool pool, Map<String, Map<String, Auth>> auths, List<String> levels) {
        TxText tx = new TxText();
        List<String> accounts = new ArrayList<>(auths.keySet());
        int actions = g.chance(25) ? g.between(2, 3) : 1;
        List<String> declared = new ArrayList<>();
        for (int a = 0; a < actions; a++) {
            String account = g.chance(3) ? "nobody" : g.chance(3) ? Decoy.NAME : g.pick(accounts);
            String action = g.pick(ACTIONS);
            String authorization = null;
            if (g.chance(50)) {
                String actor = g.chance(85) || !auths.containsKey(account) ? account : g.pick(accounts);
                Map<String, Auth> ps = auths.get(actor);
                String perm = ps == null || g.chance(5) ? "nothere"
                        : g.chance(50) ? (g.chance(50) ? "owner" : "active") : g.pick(new ArrayList<>(ps.keySet()));
                authorization = g.chance(3) ? actor : actor + "@" + perm;
            }
            tx.action(account, action, authorization);
            declared.add(authorization != null ? authorization : account + "@" + (g.chance(50) ? "active" : "owner"));
        }
        signatures(g, pool, auths, declared, tx);
        int approvals = g.chance(20) ? g.between(1, 2) : 0;
        for (int i = 0; i < approvals; i++) tx.approvals.add(g.chance(10) ? "ghost@active" : g.pick(levels));
        if (g.chance(40)) {
            List<Long> waits = new ArrayList<>();
            auths.values().forEach(m -> m.values().forEach(a -> waits.addAll(a.waits())));
            long delay = switch (g.below(5)) {
                case 0 -> g.between(0, 7200);
                case 1 -> waits.isEmpty() ? 0 : g.pick(waits) - g.below(2);
                case 2 -> 3_888_000L + g.below(2) - 1;
                case 3 -> g.betweenLong(0, 4_294_967_295L);
                default -> waits.isEmpty() ? 3600 : g.pick(waits);
            };
            tx.context.put("delay_sec", Long.toString(Math.max(0, Math.min(delay, 4_294_967_295L))));
        }
        return tx;
    }

    /** Keys of the authorities the actions declare (and what they reference), plus noise. */
    private static void signatures(Genes g, KeyPool pool, Map<String, Map<String, Auth>> auths, List<String> declared,
                                   TxText tx) {
        Set<Integer> wanted = new LinkedHashSet<>();
        for (String level : declared) {
            collect(g, auths, level, wanted, 0);
        }
        List<Integer> chosen = new ArrayList<>();
        if (g.chance(35) && !wanted.isEmpty()) {
            chosen.add(g.pick(new ArrayList<>(wanted)));
        } else {
            int percent = g.pick(List.of(50, 75, 100));
            for (int k : wanted) if (g.chance(percent)) chosen.add(k);
        }
        int extra = g.below(pool.size());
        if (g.chance(15) && !chosen.contains(extra)) chosen.add(extra);
        for (int k : chosen) tx.signatures.add(pool.ref(k, g));
        if (g.chance(5)) tx.signatures.add(pool.stranger(g.below(4), g));
        if (g.chance(4) && !chosen.isEmpty()) tx.signatures.add(pool.ref(g.pick(chosen), g));
        if (g.chance(2)) tx.signatures.add("not-a-key");
        if (g.chance(30) && tx.signatures.size() > 1) {
            int i = g.below(tx.signatures.size());
            tx.signatures.add(tx.signatures.remove(i));
        }
    }

    private static void collect(Genes g, Map<String, Map<String, Auth>> auths, String level, Set<Integer> out, int depth) {
        int at = level.indexOf('@');
        if (at < 0 || depth > 3) return;
        Map<String, Auth> ps = auths.get(level.substring(0, at));
        Auth a = ps == null ? null : ps.get(level.substring(at + 1));
        if (a == null) return;
        out.addAll(a.keys());
        for (String ref : a.refs()) if (g.chance(50)) collect(g, auths, ref, out, depth + 1);
    }
}
