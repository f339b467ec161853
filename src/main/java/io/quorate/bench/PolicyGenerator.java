package io.quorate.bench;

import io.quorate.keys.Secp256k1;
import io.quorate.policy.Chain;
import io.quorate.transaction.Transaction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Generates a policy set of N accounts as YAML files, with its traffic: of every ten accounts
 * four are EOS, two Hive, two Casper and two FT4, interleaved. A tenth of the EOS and Hive
 * accounts (at least three EOS and one Hive) are partners that the others' authorities reference.
 * Every key is a real secp256k1 key derived from a seed, written in its chain's format and named
 * under {@code keys:} in the file of its account, so transactions can sign with key names. Deterministic for a seed.
 */
public final class PolicyGenerator {

    public static final int MIN_ACCOUNTS = 20;
    /** Accounts per policy file (about 700 KB of YAML): large policy sets are kept in several files. */
    public static final int ACCOUNTS_PER_FILE = 1_000;
    /** The hot working set: four EOS accounts, two of each other chain. */
    static final Map<Chain, Integer> HOT = hot();

    private static Map<Chain, Integer> hot() {
        Map<Chain, Integer> hot = new LinkedHashMap<>();
        hot.put(Chain.EOS, 4);
        hot.put(Chain.HIVE, 2);
        hot.put(Chain.CASPER, 2);
        hot.put(Chain.FT4, 2);
        return java.util.Collections.unmodifiableMap(hot);
    }

    private final int size;
    private final long seed;
    private final Random random;
    private final List<String> keyNames = new ArrayList<>();
    private final List<Chain> keyChains = new ArrayList<>();

    private PolicyGenerator(int size, long seed) {
        this.size = size;
        this.seed = seed;
        this.random = new Random(seed);
    }

    public static SyntheticPolicy generate(int accounts, long seed) {
        if (accounts < MIN_ACCOUNTS) {
            throw new IllegalArgumentException("a synthetic policy has at least " + MIN_ACCOUNTS + " accounts, got " + accounts);
        }
        return new PolicyGenerator(accounts, seed).run();
    }

    /** Four EOS, two Hive, two Casper, two FT4 in every ten. */
    static Chain chainOf(int index) {
        int slot = index % 10;
        return slot < 4 ? Chain.EOS : slot < 6 ? Chain.HIVE : slot < 8 ? Chain.CASPER : Chain.FT4;
    }

    private SyntheticPolicy run() {
        Map<Chain, Integer> counts = new HashMap<>();
        for (int i = 0; i < size; i++) counts.merge(chainOf(i), 1, Integer::sum);
        int eosPartners = Math.max(3, counts.get(Chain.EOS) / 10);
        int hivePartners = Math.max(1, counts.get(Chain.HIVE) / 10);
        List<String> eosPartnerNames = IntStream.range(0, eosPartners).mapToObj(o -> "cust" + letters(o)).toList();
        List<String> hivePartnerNames = IntStream.range(0, hivePartners).mapToObj(o -> "custody-" + letters(o)).toList();

        List<String> accountYaml = new ArrayList<>(size);
        int[] firstKey = new int[size + 1];
        List<Transaction> allowed = new ArrayList<>(3 * size);
        List<Transaction> denied = new ArrayList<>(size);
        Map<String, List<Transaction>> allowedBy = new HashMap<>();
        Map<Chain, List<String>> ordinary = new HashMap<>();
        Map<Chain, Integer> ordinal = new HashMap<>();
        AccountShapes.KeyBook book = this::key;
        for (int i = 0; i < size; i++) {
            Chain chain = chainOf(i);
            firstKey[i] = keyNames.size();
            int o = ordinal.merge(chain, 1, Integer::sum) - 1;
            String name;
            AccountShapes.Shaped shaped;
            // the workload's own mix of account shapes, one per chain it exercises
            if (chain.equals(Chain.EOS)) {
                boolean partner = o < eosPartners;
                name = partner ? eosPartnerNames.get(o) : "eos" + letters(o);
                shaped = partner ? AccountShapes.eosPartner(name, book)
                        : AccountShapes.eos(name, pick(eosPartnerNames, 3), pick(eosPartnerNames, 1).get(0), book);
            } else if (chain.equals(Chain.HIVE)) {
                boolean partner = o < hivePartners;
                name = partner ? hivePartnerNames.get(o) : "hive-" + letters(o);
                shaped = partner ? AccountShapes.hivePartner(name, book)
                        : AccountShapes.hive(name, pick(hivePartnerNames, 1).get(0), book);
            } else if (chain.equals(Chain.CASPER)) {
                name = String.format("casper-%06d", o);
                shaped = AccountShapes.casper(name, book);
            } else {
                name = String.format("ft4-%06d", o);
                shaped = AccountShapes.ft4(name, book);
            }
            accountYaml.add(shaped.yaml());
            allowed.addAll(shaped.allowed());
            allowedBy.put(name, shaped.allowed());
            if (shaped.denied() != null) {
                denied.add(shaped.denied());
                ordinary.computeIfAbsent(chain, c -> new ArrayList<>()).add(name);
            }
        }
        firstKey[size] = keyNames.size();

        long start = System.nanoTime();
        String[] texts = IntStream.range(0, keyNames.size()).parallel()
                .mapToObj(i -> keyText(keyChains.get(i), seed * 1_000_003L + i)).toArray(String[]::new);
        double keySeconds = (System.nanoTime() - start) / 1e9;
        Map<String, String> textOf = new HashMap<>();
        for (int i = 0; i < texts.length; i++) textOf.put(keyNames.get(i), texts[i]);
        Map<String, String> files = new LinkedHashMap<>();
        for (int from = 0; from < size; from += ACCOUNTS_PER_FILE) {
            int to = Math.min(size, from + ACCOUNTS_PER_FILE);
            StringBuilder yaml = new StringBuilder((to - from) * 900).append("quorate: 1\nkeys:\n");
            for (int k = firstKey[from]; k < firstKey[to]; k++) {
                yaml.append("  ").append(keyNames.get(k)).append(": ").append(texts[k]).append('\n');
            }
            yaml.append("accounts:\n");
            accountYaml.subList(from, to).forEach(yaml::append);
            files.put(String.format("accounts-%06d.yaml", from), yaml.toString());
        }

        List<Transaction> raw = allowed.stream().map(t -> withSignatures(t, t.signatures().stream().map(textOf::get).toList())).toList();
        List<String> hotAccounts = new ArrayList<>();
        HOT.forEach((chain, n) -> hotAccounts.addAll(pick(ordinary.get(chain), n)));
        List<Transaction> hot = hotAccounts.stream().flatMap(a -> allowedBy.get(a).stream()).toList();
        return new SyntheticPolicy(size, keyNames.size(), files, keySeconds, allowed, raw, denied, hotAccounts, hot);
    }

    private String key(String name, Chain chain) {
        keyNames.add(name);
        keyChains.add(chain);
        return name;
    }

    /** {@code n} distinct entries of {@code from}, at random. */
    private List<String> pick(List<String> from, int n) {
        List<String> out = new ArrayList<>(n);
        while (out.size() < n) {
            String s = from.get(random.nextInt(from.size()));
            if (!out.contains(s)) out.add(s);
        }
        return out;
    }

    private static String keyText(Chain chain, long keySeed) {
        return chain.keyFormat().write(Secp256k1.publicKeyFromSeed(keySeed));
    }

    private static Transaction withSignatures(Transaction t, List<String> signatures) {
        return new Transaction(t.id(), t.actions(), signatures, t.approvals(), t.authDescriptor(), t.context(), t.expected(), t.at());
    }

    /** Six letters a-z: valid in EOS and Hive names alike. */
    static String letters(int n) {
        char[] c = new char[6];
        for (int i = c.length - 1; i >= 0; i--) {
            c[i] = (char) ('a' + n % 26);
            n /= 26;
        }
        return new String(c);
    }
}
