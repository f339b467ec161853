package io.quorate.engine;

import io.quorate.compile.CompiledAccount;
import io.quorate.compile.CompiledPolicy;
import io.quorate.compile.Entry;
import io.quorate.compile.Program;
import io.quorate.policy.Chain;
import io.quorate.policy.KeyRef;
import io.quorate.rules.Budget;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Finds what a denied transaction lacks: the smallest sets of further keys, any one of which would
 * make the whole decision an allow. The candidates are the keys reachable from the transaction's
 * accounts (through nested references); sets grow one key at a time, and the search gives up
 * (empty answer) rather than try more than {@link #MAX_ATTEMPTS} sets in all or run past the
 * decision's deadline.
 */
final class MissingKeys {

    static final int MAX_SET_SIZE = 5;
    static final int MAX_ATTEMPTS = 4_096;

    private MissingKeys() {
    }

    /**
     * The keys of the transaction's accounts and of every account they reference, directly or
     * through other accounts, minus those already provided; sorted by label then identity.
     */
    static List<KeyRef> candidates(CompiledPolicy policy, List<String> accounts, Set<Integer> provided,
                                    java.util.function.Function<Chain, ChainDecider> deciders) {
        Set<Integer> seenAccounts = new HashSet<>();
        Set<Integer> keys = new LinkedHashSet<>();
        Deque<Integer> work = new ArrayDeque<>();
        for (String name : accounts) {
            CompiledAccount account = policy.account(name);
            if (account != null) work.add(account.index());
        }
        while (!work.isEmpty()) {
            int index = work.pop();
            if (!seenAccounts.add(index)) continue;
            for (int id : policy.account(index).programs().values()) {
                Program p = policy.program(id);
                for (Entry e : p.entries()) {
                    long ref = e.ref();
                    if (e.kind() == Entry.KEY) {
                        keys.add((int) ref);
                    } else if (e.kind() == Entry.ACCOUNT && ref >= 0) {
                        work.add(deciders.apply(p.chain()).referencedAccount(policy, e));
                    }
                }
            }
        }
        keys.removeAll(provided);
        List<KeyRef> out = new ArrayList<>();
        keys.forEach(k -> out.add(policy.keys().ref(k)));
        out.sort(Comparator.comparing(KeyRef::label).thenComparing(k -> k.id().canonical()));
        return out;
    }

    /** All smallest subsets of {@code pool} (in pool order, enumerated lexicographically) that {@code authorizes}. */
    static List<List<KeyRef>> smallestSets(List<KeyRef> pool, Budget budget, Predicate<List<KeyRef>> authorizes) {
        int n = pool.size();
        long attempts = 0;
        for (int k = 1; k <= Math.min(MAX_SET_SIZE, n); k++) {
            attempts += binomial(n, k);
            if (attempts > MAX_ATTEMPTS || budget.expired()) return List.of();
            List<List<KeyRef>> found = new ArrayList<>();
            int[] idx = new int[k];
            for (int i = 0; i < k; i++) idx[i] = i;
            while (true) {
                List<KeyRef> subset = new ArrayList<>(k);
                for (int i : idx) subset.add(pool.get(i));
                if (authorizes.test(subset)) found.add(subset);
                int i = k - 1;
                while (i >= 0 && idx[i] == n - k + i) i--;
                if (i < 0) break;
                idx[i]++;
                for (int j = i + 1; j < k; j++) idx[j] = idx[j - 1] + 1;
            }
            if (!found.isEmpty()) return found;
        }
        return List.of();
    }

    static long binomial(int n, int k) {
        long r = 1;
        for (int i = 1; i <= k; i++) {
            r = r * (n - k + i) / i;
            if (r > Integer.MAX_VALUE) return r;
        }
        return r;
    }
}
