package io.quorate.differential;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;

/**
 * The jqwik arbitraries behind the differential properties: one policy of a chain and 40 to 60
 * candidate transactions against it, each drawn as a sequence of choices (see {@link Genes}) so
 * that jqwik can shrink the policy and drop transactions.
 */
final class RandomPolicies {

    static final List<String> CHAINS = List.of("eos", "hive", "casper", "ft4", "generic");
    static final int MIN_TRANSACTIONS = 40;
    static final int MAX_TRANSACTIONS = 60;
    private static final int POLICY_GENES = 700;
    private static final int TRANSACTION_GENES = 160;

    private RandomPolicies() {
    }

    static Arbitrary<PolicyCase> cases(String chain) {
        Arbitrary<List<List<Integer>>> transactions = genes(TRANSACTION_GENES).list()
                .ofMinSize(MIN_TRANSACTIONS).ofMaxSize(MAX_TRANSACTIONS);
        return Combinators.combine(genes(POLICY_GENES), transactions)
                .as((policy, txs) -> build(chain, new Genes(policy), txs.stream().map(Genes::new).toList()));
    }

    private static Arbitrary<List<Integer>> genes(int count) {
        return Arbitraries.integers().between(0, Integer.MAX_VALUE)
                .withDistribution(RandomDistribution.uniform())
                .list().ofSize(count);
    }

    /** A case drawn from {@code random} without jqwik, for fixed-seed statistics. */
    static PolicyCase sample(String chain, java.util.Random random) {
        List<Genes> txs = new java.util.ArrayList<>();
        int count = MIN_TRANSACTIONS + random.nextInt(MAX_TRANSACTIONS - MIN_TRANSACTIONS + 1);
        for (int i = 0; i < count; i++) txs.add(new Genes(draw(random, TRANSACTION_GENES)));
        return build(chain, new Genes(draw(random, POLICY_GENES)), txs);
    }

    private static List<Integer> draw(java.util.Random random, int count) {
        return random.ints(count, 0, Integer.MAX_VALUE).boxed().toList();
    }

    static PolicyCase build(String chain, Genes policy, List<Genes> transactions) {
        return switch (chain) {
            case "eos" -> RandomEos.build(policy, transactions);
            case "hive" -> RandomHive.build(policy, transactions);
            case "casper" -> RandomCasper.build(policy, transactions);
            case "ft4" -> RandomFt4.build(policy, transactions);
            case "generic" -> RandomGeneric.build(policy, transactions);
            default -> throw new IllegalArgumentException(chain);
        };
    }
}
