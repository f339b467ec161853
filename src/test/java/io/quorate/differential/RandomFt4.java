package io.quorate.differential;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chromia FT4 policies: single- and multi-sig descriptors, the A and T flags and custom ones,
 * rules (lt, le, eq, ge, gt on block_height, block_time and op_count, and {@code and} rules) whose
 * bounds sit right around the transactions' context values; transactions naming a descriptor,
 * naming a missing one, or naming none.
 */
final class RandomFt4 {

    private static final List<String> ACCOUNTS = List.of("company", "dan");
    private static final List<String> DESCRIPTORS = List.of("owners", "hot", "cold", "bot", "dan");
    private static final List<String> FLAGS = List.of("A", "T", "V", "X");
    private static final List<String> OPS = List.of("lt", "le", "eq", "ge", "gt");
    private static final List<String> VARIABLES = List.of("block_height", "block_time", "op_count");
    static final long HEIGHT = 1_000;
    static final long TIME = 1_700_000_000_000L;
    static final long OPS_BASE = 2;

    private RandomFt4() {
    }

    static PolicyCase build(Genes g, List<Genes> txGenes) {
        KeyPool pool = new KeyPool(KeyPool.Kind.FT4, g, 3, 8);
        int count = g.chance(30) ? 2 : 1;
        StringBuilder sb = new StringBuilder("quorate: 1\n").append(pool.keysSection(g)).append("accounts:\n");
        Map<String, Map<String, List<Integer>>> signers = new LinkedHashMap<>();
        for (String acct : ACCOUNTS.subList(0, count)) {
            sb.append("  ").append(acct).append(":\n    chain: ft4\n");
            if (g.chance(15)) sb.append("    options: {mandatory_flags: [\"A\"]}\n");
            sb.append("    auth_descriptors:\n");
            int n = g.between(1, 5);
            int main = g.below(n);
            Map<String, List<Integer>> byName = new LinkedHashMap<>();
            for (int d = 0; d < n; d++) {
                String name = DESCRIPTORS.get(d);
                List<Integer> who = pool.subset(g, g.pick(List.of(25, 50, 75)));
                if (who.isEmpty()) who.add(g.below(pool.size()));
                if (g.chance(50) && who.size() > 1) who = who.subList(0, 1);
                byName.put(name, who);
                sb.append("      ").append(name).append(":\n");
                if (d == main) sb.append("        main: true\n");
                List<String> refs = new ArrayList<>();
                for (int k : who) refs.add(Yaml.q(pool.ref(k, g)));
                sb.append("        signers: ").append(Yaml.list(refs)).append('\n');
                if (who.size() > 1 || g.chance(20)) {
                    int required = g.chance(5) ? who.size() + 1 : g.between(1, who.size());
                    sb.append("        signatures_required: ").append(required).append('\n');
                }
                List<String> flags = new ArrayList<>();
                for (String f : FLAGS) if (d == main ? f.length() == 1 && (f.equals("A") || f.equals("T") || g.chance(30)) : g.chance(45)) flags.add(f);
                if (!flags.isEmpty() || g.chance(50)) sb.append("        flags: ").append(Yaml.strings(flags)).append('\n');
                if (d != main && g.chance(60) || d == main && g.chance(5)) sb.append("        rules: ").append(rules(g)).append('\n');
            }
            signers.put(acct, byName);
        }
        Decoy.maybeAppend(g, sb, "ft4");
        List<String> txs = new ArrayList<>();
        for (int t = 0; t < txGenes.size(); t++) {
            txs.add(transaction(txGenes.get(t), pool, signers).render("t" + (t + 1)));
        }
        return new PolicyCase("ft4", sb.toString(), txs);
    }

    private static String rules(Genes g) {
        if (!g.chance(35)) return comparison(g);
        int parts = g.between(1, 3);
        List<String> out = new ArrayList<>();
        out.add("\"and\"");
        for (int i = 0; i < parts; i++) out.add(comparison(g));
        return Yaml.list(out);
    }

    private static String comparison(Genes g) {
        String variable = g.pick(VARIABLES);
        long base = switch (variable) {
            case "block_height" -> HEIGHT;
            case "block_time" -> TIME;
            default -> OPS_BASE;
        };
        long value = Math.max(0, base + g.between(-2, 2));
        return "[" + Yaml.q(g.pick(OPS)) + ", " + Yaml.q(variable) + ", " + value + "]";
    }

    private static TxText transaction(Genes g, KeyPool pool, Map<String, Map<String, List<Integer>>> signers) {
        TxText tx = new TxText();
        List<String> accounts = new ArrayList<>(signers.keySet());
        int actions = g.chance(15) ? 2 : 1;
        String target = null;
        for (int a = 0; a < actions; a++) {
            String account = g.chance(3) ? "nobody" : g.chance(3) ? Decoy.NAME : g.pick(accounts);
            if (target == null) target = account;
            switch (g.below(8)) {
                case 0, 1, 2 -> tx.action(account, "transfer", null);
                case 3, 4 -> tx.action(account, "account", null);
                case 5 -> tx.action(account, "swap", null);
                default -> {
                    List<String> flags = new ArrayList<>();
                    for (String f : FLAGS) if (g.chance(35)) flags.add(f);
                    tx.flagsAction(account, flags);
                }
            }
        }
        Map<String, List<Integer>> descriptors = signers.getOrDefault(target, signers.get(accounts.get(0)));
        List<String> names = new ArrayList<>(descriptors.keySet());
        String focus = g.pick(names);
        int named = g.below(10);
        if (named >= 5) tx.authDescriptor = named == 9 ? "ghost" : focus;
        for (int k : descriptors.get(focus)) if (g.chance(70)) tx.signatures.add(pool.ref(k, g));
        if (g.chance(20)) tx.signatures.add(pool.ref(g.below(pool.size()), g));
        if (g.chance(8)) tx.signatures.add(pool.stranger(g.below(4), g));
        if (g.chance(5) && !tx.signatures.isEmpty()) tx.signatures.add(g.pick(new ArrayList<>(tx.signatures)));
        if (g.chance(2)) tx.signatures.add("0xnotakey");
        if (!g.chance(10)) tx.context.put("block_height", Long.toString(HEIGHT + g.between(-3, 3)));
        if (!g.chance(10)) tx.context.put("block_time", Long.toString(TIME + g.between(-3, 3)));
        if (!g.chance(25)) tx.context.put("op_count", Long.toString(Math.max(0, OPS_BASE + g.between(-2, 2))));
        return tx;
    }
}
