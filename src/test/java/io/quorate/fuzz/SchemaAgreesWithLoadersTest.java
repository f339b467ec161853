package io.quorate.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.diag.InputException;
import io.quorate.schema.SchemaCheck;
import io.quorate.schema.Schemas;
import io.quorate.transaction.TransactionLoader;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Mutated bundled files that a loader still accepts validate against the schema too: the schema
 * never refuses what the loaders read. (The converse does not hold: a key that does not decode or
 * a parent that is not declared is the loader's to find.)
 */
class SchemaAgreesWithLoadersTest {

    private static final int ITERATIONS = 300;
    /** The validator is not what is being fuzzed here: the megabyte mutations are LoaderFuzzTest's. */
    private static final int MAX_CHARS = 64 * 1024;

    private interface Loader {
        void load(String name, String text) throws InputException;
    }

    @Test
    void a_mutated_policy_the_loader_accepts_validates() {
        // a policy's own tests are read by the test runner, which checks them as the schema does
        assertTrue(agree(Schemas.Document.POLICY, Seeds.under("policies", "examples/plans/start"), SchemaCheck::loadPolicy) > 0);
    }

    @Test
    void a_mutated_transaction_file_the_loader_accepts_validates() {
        assertTrue(agree(Schemas.Document.TRANSACTION, Seeds.under("examples/eos-mymultisig11.yaml", "examples/hive-test-auth.yaml",
                "examples/casper-multisig.yaml", "examples/ft4-company.yaml", "examples/generic-vault.yaml",
                "src/test/resources/signed/hive.yaml", "src/test/resources/signed/casper.yaml"), TransactionLoader::load) > 0);
    }

    /** How many of the mutated inputs loaded (each of which validated). */
    private static int agree(Schemas.Document d, Seeds seeds, Loader loader) {
        Random random = new Random(20_261_202L);
        Mutator mutator = new Mutator(random);
        int loaded = 0;
        for (int i = 0; i < ITERATIONS; i++) {
            int seed = random.nextInt(seeds.size());
            String text = mutator.mutate(seeds.texts().get(seed));
            if (text.length() > MAX_CHARS) continue;
            String name = seeds.paths().get(seed).getFileName().toString();
            try {
                loader.load(name, text);
            } catch (InputException e) {
                continue;
            }
            loaded++;
            assertEquals(Set.of(), SchemaCheck.problems(d, name, text), "input " + i + " (from " + seeds.paths().get(seed) + "):\n" + text);
        }
        return loaded;
    }
}
