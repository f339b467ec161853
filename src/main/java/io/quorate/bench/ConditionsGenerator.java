package io.quorate.bench;

import io.quorate.assets.Amount;
import io.quorate.policy.Chain;
import io.quorate.transaction.ActionData;
import io.quorate.transaction.ActionRequest;
import io.quorate.transaction.Transaction;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Adds an organisation's conditions to a generated policy set: allowlists of N destinations in all,
 * one file per chain beside the policy (EOS and Hive names, Casper account hashes, FT4 account ids,
 * in the chains' proportions), one approver group per chain, and one shared set of conditions per chain
 * whose rules together number R, split as the accounts are (four tenths EOS, two tenths each
 * other chain). Every account uses its chain's set. Each set, under first-match with default
 * allow: a deny for three sanctioned destinations, then amount limits on allowlisted transfers
 * (highest first, so that none covers a later one; every third within office hours, every fifth
 * matching a memo on the chains that carry one) that require two approvers, then a deny for
 * destinations off the allowlist. The traffic's transfers carry data (a small amount to an
 * allowlisted destination), so every one of them is read by every rule of its set and reaches the
 * default allow: the slowest path first-match has.
 */
final class ConditionsGenerator {

    /** What each chain's transfers are called in the generated traffic, and the asset they move. */
    private record ChainTransfer(String action, String asset, int decimals, boolean memo) {
    }

    private static final Map<Chain, ChainTransfer> TRANSFERS = Map.of(
            Chain.EOS, new ChainTransfer("eosio.token::transfer", "EOS", 4, true),
            Chain.HIVE, new ChainTransfer("transfer", "HIVE", 3, true),
            Chain.CASPER, new ChainTransfer("deploy", "CSPR", 9, false),
            Chain.FT4, new ChainTransfer("transfer", "CHR", 6, false));

    private static final List<Chain> CHAINS = List.of(Chain.EOS, Chain.HIVE, Chain.CASPER, Chain.FT4);
    private static final Pattern ACCOUNT = Pattern.compile("(?m)^  (\\S+):\\n    chain: (eos|hive|casper|ft4)\\n");
    private static final Pattern KEY = Pattern.compile("(?m)^  (\\S+): \\S+$");

    /** The policy files with conditions, and the traffic with what each transfer moves. */
    record Conditioned(Map<String, String> files, List<Transaction> allowed, List<Transaction> transfers, int rules, int allowlist) {
    }

    private ConditionsGenerator() {
    }

    static Conditioned add(SyntheticPolicy generated, int rules, int allowlistSize, long seed) {
        if (rules < 4 * CHAINS.size()) throw new IllegalArgumentException("at least " + 4 * CHAINS.size() + " condition rules, got " + rules);
        if (allowlistSize < 10 * CHAINS.size()) {
            throw new IllegalArgumentException("at least " + 10 * CHAINS.size() + " allowlist entries, got " + allowlistSize);
        }
        Random random = new Random(seed * 31 + 7);
        Map<Chain, List<String>> allow = allowlist(allowlistSize, random);
        Map<String, String> files = new LinkedHashMap<>();
        Map<Chain, List<String>> keysOf = new LinkedHashMap<>();
        for (Map.Entry<String, String> f : generated.files().entrySet()) {
            String text = f.getValue();
            for (String hot : generated.hotAccounts()) {
                Matcher k = KEY.matcher(text);
                while (k.find()) {
                    if (!k.group(1).startsWith(hot + ".")) continue;
                    keysOf.computeIfAbsent(chainOfHot(generated, hot), c -> new ArrayList<>()).add(k.group(1));
                }
            }
            files.put(f.getKey(), ACCOUNT.matcher(text).replaceAll(m -> Matcher.quoteReplacement(
                    "  " + m.group(1) + ":\n    chain: " + m.group(2) + "\n    conditions: standard-" + m.group(2) + "\n")));
        }
        for (Chain c : CHAINS) {
            List<String> entries = new ArrayList<>(allow.get(c));
            java.util.Collections.shuffle(entries, random);
            StringBuilder list = new StringBuilder(entries.size() * 70).append("# destinations ").append(c.id())
                    .append(" transfers may go to\n");
            entries.forEach(e -> list.append(e).append('\n'));
            files.put(listFile(c), list.toString());
        }
        files.put("conditions.yaml", conditionsYaml(rules, keysOf));

        List<Transaction> allowed = new ArrayList<>(generated.allowed().size());
        List<Transaction> transfers = new ArrayList<>();
        for (Transaction tx : generated.allowed()) {
            Transaction t = withData(tx, allow, random);
            allowed.add(t);
            if (t != tx) transfers.add(t);
        }
        return new Conditioned(files, allowed, transfers, rules, allowlistSize);
    }

    private static Chain chainOfHot(SyntheticPolicy generated, String hot) {
        int i = generated.hotAccounts().indexOf(hot);
        int seen = 0;
        for (Map.Entry<Chain, Integer> e : PolicyGenerator.HOT.entrySet()) {
            seen += e.getValue();
            if (i < seen) return e.getKey();
        }
        throw new IllegalStateException("`" + hot + "` is not a hot account");
    }

    /** Allowlisted destinations per chain, in the accounts' proportions; valid names for each chain. */
    private static Map<Chain, List<String>> allowlist(int size, Random random) {
        Map<Chain, List<String>> out = new LinkedHashMap<>();
        HexFormat hex = HexFormat.of();
        Map<Chain, Integer> ordinal = new java.util.HashMap<>();
        for (int i = 0; i < size; i++) {
            Chain chain = PolicyGenerator.chainOf(i);
            int n = ordinal.merge(chain, 1, Integer::sum) - 1;
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            String entry = chain.equals(Chain.EOS) ? "pay" + PolicyGenerator.letters(n) + "111"
                    : chain.equals(Chain.HIVE) ? "payee-" + PolicyGenerator.letters(n)
                    : chain.equals(Chain.CASPER) ? "account-hash-" + hex.formatHex(bytes)
                    : hex.formatHex(bytes).toUpperCase(java.util.Locale.ROOT);
            out.computeIfAbsent(chain, c -> new ArrayList<>()).add(entry);
        }
        return out;
    }

    private static String conditionsYaml(int rules, Map<Chain, List<String>> keysOf) {
        StringBuilder y = new StringBuilder(rules * 200).append("quorate: 1\ngroups:\n");
        for (Chain c : CHAINS) {
            List<String> keys = keysOf.get(c);
            if (keys == null || keys.size() < 2) throw new IllegalStateException("no keys for the " + c.id() + " approver group");
            y.append("  approvers-").append(c.id()).append(": [").append(String.join(", ", keys.subList(0, Math.min(4, keys.size()))))
                    .append("]\n");
        }
        y.append("lists:\n");
        for (Chain c : CHAINS) y.append("  allowlist-").append(c.id()).append(": {file: ").append(listFile(c)).append("}\n");
        y.append("conditions:\n");
        int eosRules = rules - 3 * (rules / 5);
        for (Chain c : CHAINS) {
            int n = c.equals(Chain.EOS) ? eosRules : rules / 5;
            ChainTransfer t = TRANSFERS.get(c);
            y.append("  standard-").append(c.id()).append(":\n    combine: first-match\n    default: allow\n    rules:\n");
            y.append("      - {name: sanctioned, when: {action: ").append(t.action()).append(", to: {in: [")
                    .append(String.join(", ", sanctioned(c))).append("]}}, deny: destination is sanctioned}\n");
            for (int i = 1; i < n - 1; i++) {
                String limit = amount(1_000_000L + 1_000L * (n - i), t);
                y.append("      - {name: limit-").append(i).append(", when: {action: ").append(t.action())
                        .append(", to: {in: allowlist-").append(c.id()).append("}, amount: {gt: \"").append(limit).append("\"}");
                if (i % 3 == 0) y.append(", time: {within: {days: [mon, tue, wed, thu, fri], hours: \"08:00-18:00\", zone: Europe/Zurich}}");
                if (t.memo() && i % 5 == 0) y.append(", memo: {matches: \"inv-[0-9]+\"}");
                y.append("}, require: {group: approvers-").append(c.id()).append(", count: 2}}\n");
            }
            y.append("      - {name: off-list, when: {action: ").append(t.action()).append(", to: {not_in: allowlist-").append(c.id()).append("}}, deny: not on the allowlist}\n");
        }
        return y.toString();
    }

    static String listFile(Chain c) {
        return "allowlist-" + c.id() + ".txt";
    }

    private static List<String> sanctioned(Chain c) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            out.add(c.equals(Chain.EOS) ? "blocked" + (i + 1) + "1111" : c.equals(Chain.HIVE) ? "blocked-" + (i + 1)
                    : c.equals(Chain.CASPER) ? "account-hash-" + "0".repeat(63) + (i + 1) : "0".repeat(63) + (i + 1));
        }
        return out;
    }

    private static String amount(long whole, ChainTransfer t) {
        return whole + "." + "0".repeat(t.decimals()) + " " + t.asset();
    }

    /** {@code tx} with its transfer carrying a small amount to an allowlisted destination; other transactions as they are. */
    private static Transaction withData(Transaction tx, Map<Chain, List<String>> allow, Random random) {
        Chain chain = chainOf(tx.id());
        if (chain == null || tx.actions().size() != 1) return tx;
        ChainTransfer t = TRANSFERS.get(chain);
        ActionRequest a = tx.actions().get(0);
        if (!t.action().equals(a.action())) return tx;
        List<String> to = allow.get(chain);
        Amount amount = Amount.parse((1 + random.nextInt(500)) + "." + "0".repeat(t.decimals()) + " " + t.asset());
        ActionData data = new ActionData(a.account(), to.get(random.nextInt(to.size())), amount,
                t.memo() ? "inv-" + random.nextInt(1_000_000) : null, null, null);
        ActionRequest withData = new ActionRequest(a.account(), a.action(), a.flags(), a.authorization(), a.at(), data);
        return new Transaction(tx.id(), List.of(withData), tx.signatures(), tx.approvals(), tx.authDescriptor(), tx.context(),
                tx.expected(), tx.at());
    }

    /** The generated accounts' names tell their chain. */
    private static Chain chainOf(String txId) {
        String account = txId.substring(0, txId.indexOf('#'));
        if (account.startsWith("casper-")) return Chain.CASPER;
        if (account.startsWith("ft4-")) return Chain.FT4;
        if (account.startsWith("hive-") || account.startsWith("custody-")) return Chain.HIVE;
        if (account.startsWith("eos") || account.startsWith("cust")) return Chain.EOS;
        return null;
    }
}
