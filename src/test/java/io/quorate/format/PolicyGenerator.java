package io.quorate.format;

import io.quorate.chain.casper.CasperKeys;
import io.quorate.chain.eos.EosKeys;
import io.quorate.chain.hive.HiveKeys;
import io.quorate.keys.Ed25519Keys;
import io.quorate.keys.Secp256k1;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random valid policies of every chain, written with random field order, entry order, flow and
 * block styles and comments, so that the formatter meets what authors write. Every comment is
 * unique ({@code # cN}), so tests can check that none is lost.
 */
final class PolicyGenerator {

    /** A generated policy and what transactions against it may name. */
    record Generated(String text, Map<String, List<String>> keysByChain, Map<String, String> accounts, Map<String, List<String>> actions) {
    }

    private final Random random;
    private int comments;
    private long seed;

    PolicyGenerator(Random random) {
        this.random = random;
        this.seed = random.nextInt(1_000_000) * 100L;
    }

    Generated generate() {
        Map<String, Object> keys = new LinkedHashMap<>();
        Map<String, List<String>> keysByChain = new LinkedHashMap<>();
        Map<String, String> literals = new LinkedHashMap<>();
        for (String chain : List.of("eos", "hive", "casper", "ft4")) {
            List<String> names = new ArrayList<>();
            int n = 3 + random.nextInt(4);
            for (int i = 0; i < n; i++) {
                String name = chain + "_k" + i;
                String literal = literal(chain);
                literals.put(name, literal);
                keys.put(name, random.nextInt(4) == 0 ? map("key", literal, "holder", name + "@acme") : literal);
                names.add(name);
            }
            keysByChain.put(chain, names);
        }
        Map<String, Object> accounts = new LinkedHashMap<>();
        Map<String, String> accountChains = new LinkedHashMap<>();
        Map<String, List<String>> actions = new LinkedHashMap<>();
        List<String> eosAccounts = new ArrayList<>();
        for (int i = 0; i < 1 + random.nextInt(3); i++) {
            String name = "eosacct" + (char) ('a' + i);
            Map<String, Object> perms = new LinkedHashMap<>();
            perms.put("owner", authority(keysByChain.get("eos"), literals, eosAccounts, "permission", "@owner", true));
            Map<String, Object> active = authority(keysByChain.get("eos"), literals, eosAccounts, "permission", "@active", true);
            active.put("parent", "owner");
            perms.put("active", active);
            Map<String, Object> account = shuffled(map("chain", "eos", "permissions", perms,
                    "links", map("eosio.token::transfer", "active")));
            accounts.put(name, account);
            accountChains.put(name, "eos");
            actions.put(name, List.of("eosio.token::transfer", "eosio::updateauth"));
            eosAccounts.add(name);
        }
        List<String> hiveAccounts = new ArrayList<>();
        for (int i = 0; i < 1 + random.nextInt(2); i++) {
            String name = "hive" + (char) ('a' + i);
            Map<String, Object> account = new LinkedHashMap<>();
            account.put("chain", "hive");
            for (String role : List.of("posting", "active", "owner")) {
                account.put(role, authority(keysByChain.get("hive"), literals, hiveAccounts, "account", "", false));
            }
            accounts.put(name, shuffled(account));
            accountChains.put(name, "hive");
            actions.put(name, List.of("transfer", "vote", "account_update"));
            hiveAccounts.add(name);
        }
        {
            List<String> chosen = pick(keysByChain.get("casper"), 1 + random.nextInt(keysByChain.get("casper").size()));
            List<Object> entries = new ArrayList<>();
            for (String k : chosen) entries.add(map("key", random.nextBoolean() ? k : literals.get(k), "weight", 1 + random.nextInt(3)));
            int total = entries.stream().mapToInt(e -> (Integer) ((Map<?, ?>) e).get("weight")).sum();
            accounts.put("treasury", shuffled(map("chain", "casper", "options", map("version", 2), "keys", entries,
                    "thresholds", shuffled(map("deployment", 1, "key_management", Math.min(total, 2))))));
            accountChains.put("treasury", "casper");
            actions.put("treasury", List.of("deploy", "key_management"));
        }
        {
            List<String> signers = pick(keysByChain.get("ft4"), 2 + random.nextInt(2));
            Map<String, Object> owners = shuffled(map("main", true, "signers", signers, "signatures_required", 2, "flags", List.of("A", "T")));
            Map<String, Object> other = shuffled(map("signers", List.of(keysByChain.get("ft4").get(0)), "flags", List.of("T")));
            accounts.put("company", shuffled(map("chain", "ft4", "auth_descriptors", map("owners", owners, "other", other))));
            accountChains.put("company", "ft4");
            actions.put("company", List.of("transfer", "account"));
        }
        {
            Map<String, Object> admin = shuffled(map("threshold", 2, "keys", List.of(map("key", "g1", "weight", 1), map("key", "g2", "weight", 1),
                    map("key", "g3", "weight", 1))));
            Map<String, Object> spend = shuffled(map("parent", "admin", "threshold", 1, "keys", List.of(map("key", "g4", "weight", 1))));
            accounts.put("vault", shuffled(map("chain", "generic", "authorities", map("admin", admin, "spend", spend),
                    "actions", map("withdraw", "spend", "*", "admin"))));
            accountChains.put("vault", "generic");
            actions.put("vault", List.of("withdraw", "other"));
            keysByChain.put("generic", List.of("g1", "g2", "g3", "g4"));
        }
        Map<String, Object> root = shuffled(map("quorate", 1, "keys", keys, "accounts", accounts));
        StringBuilder out = new StringBuilder();
        if (random.nextBoolean()) out.append(comment()).append("\n\n");
        block(root, 0, out);
        if (random.nextBoolean()) out.append(comment()).append('\n');
        return new Generated(out.toString(), keysByChain, accountChains, actions);
    }

    private Map<String, Object> authority(List<String> keyNames, Map<String, String> literals, List<String> refs, String refField,
            String suffix, boolean waits) {
        List<String> chosen = pick(keyNames, 1 + random.nextInt(Math.min(4, keyNames.size())));
        List<Object> keys = new ArrayList<>();
        int total = 0;
        for (String k : chosen) {
            int w = 1 + random.nextInt(3);
            total += w;
            keys.add(shuffled(map("key", random.nextInt(3) == 0 ? literals.get(k) : k, "weight", w)));
        }
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("keys", keys);
        if (!refs.isEmpty() && random.nextBoolean()) {
            List<Object> accounts = new ArrayList<>();
            for (String r : pick(refs, 1 + random.nextInt(refs.size()))) {
                int w = 1 + random.nextInt(2);
                total += w;
                accounts.add(shuffled(map(refField, r + suffix, "weight", w)));
            }
            a.put("accounts", accounts);
        }
        if (waits && random.nextInt(3) == 0) {
            List<Object> list = new ArrayList<>();
            for (int s : pickInts(List.of(60, 3600, 7200, 86400), 1 + random.nextInt(2))) list.add(map("seconds", s, "weight", 1));
            total += list.size();
            a.put("waits", list);
        }
        a.put("threshold", 1 + random.nextInt(total));
        return shuffled(a);
    }

    private String literal(String chain) {
        long s = ++seed;
        return switch (chain) {
            case "eos" -> random.nextBoolean() ? EosKeys.legacy(Secp256k1.publicKeyFromSeed(s)) : EosKeys.pubK1(Secp256k1.publicKeyFromSeed(s));
            case "hive" -> HiveKeys.stm(Secp256k1.publicKeyFromSeed(s));
            case "casper" -> random.nextBoolean() ? CasperKeys.tagged(CasperKeys.ED25519, Ed25519Keys.publicKeyFromSeed(s))
                    : CasperKeys.tagged(CasperKeys.SECP256K1, Secp256k1.publicKeyFromSeed(s));
            default -> HexFormat.of().formatHex(Secp256k1.publicKeyFromSeed(s));
        };
    }

    // ---- writing YAML in random styles

    private void block(Map<String, Object> m, int indent, StringBuilder out) {
        boolean first = true;
        for (Map.Entry<String, Object> e : m.entrySet()) {
            if (!first || indent > 0) maybeLeading(indent, out);
            first = false;
            out.append(" ".repeat(indent)).append(key(e.getKey())).append(':');
            value(e.getValue(), indent, out);
        }
    }

    private void value(Object v, int indent, StringBuilder out) {
        if (v instanceof Map<?, ?> m && !m.isEmpty() && random.nextInt(3) > 0) {
            trailing(out);
            out.append('\n');
            @SuppressWarnings("unchecked")
            Map<String, Object> child = (Map<String, Object>) m;
            block(child, indent + (random.nextBoolean() ? 2 : 4), out);
        } else if (v instanceof List<?> l && !l.isEmpty() && random.nextInt(3) > 0) {
            trailing(out);
            out.append('\n');
            int at = indent + (random.nextBoolean() ? 2 : 0);
            for (Object item : l) {
                maybeLeading(at, out);
                out.append(" ".repeat(at)).append("- ");
                if (item instanceof Map<?, ?> im && !im.isEmpty() && random.nextBoolean()) {
                    StringBuilder inner = new StringBuilder();
                    @SuppressWarnings("unchecked")
                    Map<String, Object> child = (Map<String, Object>) im;
                    block(child, at + 2, inner);
                    out.append(inner.substring(at + 2));
                } else {
                    out.append(flow(item));
                    trailing(out);
                    out.append('\n');
                }
            }
        } else if (v instanceof Map<?, ?> m && m.size() >= 2 && random.nextInt(4) == 0) {
            // a flow mapping the author broke over lines, a comment at the end of its first line
            List<String> parts = new ArrayList<>();
            m.forEach((k, x) -> parts.add(key((String) k) + ": " + flow(x)));
            out.append(" {").append(parts.get(0)).append(',');
            trailing(out);
            for (int i = 1; i < parts.size(); i++) {
                out.append('\n').append(" ".repeat(indent + 2 + random.nextInt(6))).append(parts.get(i));
                if (i < parts.size() - 1) out.append(',');
            }
            out.append("}\n");
        } else {
            out.append(' ').append(" ".repeat(random.nextInt(4) == 0 ? random.nextInt(4) : 0)).append(flow(v));
            trailing(out);
            out.append('\n');
        }
    }

    private String flow(Object v) {
        if (v instanceof Map<?, ?> m) {
            List<String> parts = new ArrayList<>();
            m.forEach((k, x) -> parts.add(key((String) k) + ": " + flow(x)));
            return "{" + String.join(random.nextBoolean() ? ", " : ",  ", parts) + "}";
        }
        if (v instanceof List<?> l) {
            List<String> parts = new ArrayList<>();
            l.forEach(x -> parts.add(flow(x)));
            return "[" + String.join(", ", parts) + "]";
        }
        String text = String.valueOf(v);
        if (v instanceof String s && (s.contains(":") || s.contains("*") || s.contains("@")) ) return "\"" + s + "\"";
        if (v instanceof String s && random.nextInt(8) == 0) return "'" + s + "'";
        return text;
    }

    private static String key(String k) {
        return k.equals("*") || k.contains(":") ? "\"" + k + "\"" : k;
    }

    private void maybeLeading(int indent, StringBuilder out) {
        if (random.nextInt(5) == 0) {
            if (random.nextBoolean()) out.append('\n');
            out.append(" ".repeat(indent)).append(comment()).append('\n');
        }
    }

    private void trailing(StringBuilder out) {
        if (random.nextInt(5) == 0) out.append(" ".repeat(1 + random.nextInt(6))).append(comment());
    }

    private String comment() {
        return "# c" + (++comments);
    }

    private List<String> pick(List<String> from, int n) {
        List<String> copy = new ArrayList<>(from);
        java.util.Collections.shuffle(copy, random);
        return new ArrayList<>(copy.subList(0, Math.min(n, copy.size())));
    }

    private <T> List<T> pickInts(List<T> from, int n) {
        List<T> copy = new ArrayList<>(from);
        java.util.Collections.shuffle(copy, random);
        return copy.subList(0, n);
    }

    private Map<String, Object> shuffled(Map<String, Object> m) {
        List<Map.Entry<String, Object>> entries = new ArrayList<>(m.entrySet());
        java.util.Collections.shuffle(entries, random);
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : entries) out.put(e.getKey(), e.getValue());
        return out;
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) out.put((String) kv[i], kv[i + 1]);
        return out;
    }
}
