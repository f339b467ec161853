package io.quorate.fuzz;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.quorate.chains.imports.ImportException;
import io.quorate.chains.imports.ImportProblem;
import io.quorate.chains.imports.Importer;
import io.quorate.diag.Diagnostic;
import io.quorate.diag.InputException;
import io.quorate.policy.PolicyLoader;
import io.quorate.transaction.TransactionLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Mutates the bundled files and feeds them to every loader: each input must load, or be refused
 * with diagnostics that name a line and a column; never another exception, never a hang.
 * {@code -Dquorate.fuzz.iterations=N} runs N inputs per loader (default 150, a few seconds),
 * {@code -Dquorate.fuzz.seed=S} starts elsewhere. A failing input is written to {@code target/fuzz/}
 * and the message says how to replay it. See docs/fuzzing.md.
 */
class LoaderFuzzTest {

    private static final int ITERATIONS = Integer.getInteger("quorate.fuzz.iterations", 150);
    private static final long SEED = Long.getLong("quorate.fuzz.seed", 20_261_202L);
    /** A hang guard, not a speed check: the slowest input of long runs took well under a second. */
    private static final Duration HANG = Duration.ofSeconds(10);

    /** What a loader made of one input. */
    private enum Outcome { LOADED, REFUSED }

    private interface Loader {
        Outcome load(String name, String text) throws Exception;
    }

    @Test
    void policy_loader_loads_or_explains_every_mutated_policy() {
        fuzz("policy", Seeds.under("policies", "src/test/resources/signed/policy.yaml"), LoaderFuzzTest::policy);
    }

    @Test
    void transaction_loader_loads_or_explains_every_mutated_transaction() {
        fuzz("transaction", Seeds.under("examples"), LoaderFuzzTest::transactions);
    }

    @Test
    void native_transactions_load_or_are_explained() {
        fuzz("native", Seeds.under("src/test/resources/signed/hive.yaml", "src/test/resources/signed/casper.yaml",
                "src/test/resources/signed/eos.yaml", "src/test/resources/signed/ft4.yaml"), LoaderFuzzTest::transactions);
    }

    @Test
    void importer_imports_or_explains_every_mutated_api_answer() {
        fuzz("import", Seeds.under("src/test/resources/import"), LoaderFuzzTest::imported);
    }

    private static Outcome policy(String name, String text) throws Exception {
        try {
            PolicyLoader.load(name, text);
            return Outcome.LOADED;
        } catch (InputException e) {
            return located(e);
        }
    }

    private static Outcome transactions(String name, String text) throws Exception {
        try {
            TransactionLoader.load(name, text);
            return Outcome.LOADED;
        } catch (InputException e) {
            return located(e);
        }
    }

    /** The API answer is imported and the policy written from it loaded, as {@code quorate import} does. */
    private static Outcome imported(String name, String text) throws Exception {
        String chain = Path.of(name).getParent().getFileName().toString().toLowerCase(Locale.ROOT);
        Importer.Result result;
        try {
            result = Importer.run(chain, List.of(new Importer.Input(name, text)));
        } catch (ImportException e) {
            for (ImportProblem p : e.problems()) assertTrue(!p.message().isBlank(), "a problem says what is wrong: " + p);
            return Outcome.REFUSED;
        }
        return policy("imported.yaml", result.yaml());
    }

    private static Outcome located(InputException e) {
        for (Diagnostic d : e.diagnostics()) {
            if (d.at().line() < 1 || d.at().column() < 1 || d.message().isBlank()) {
                throw new AssertionError("a diagnostic without line and column: " + d.render());
            }
        }
        return Outcome.REFUSED;
    }

    private static void fuzz(String target, Seeds seeds, Loader loader) {
        Random random = new Random(SEED ^ target.hashCode());
        Mutator mutator = new Mutator(random);
        int[] outcomes = new int[Outcome.values().length];
        for (int i = 0; i < ITERATIONS; i++) {
            int pick = random.nextInt(seeds.size());
            String name = seeds.paths().get(pick).toString();
            String input = mutator.mutate(seeds.texts().get(pick));
            try {
                Outcome o = assertTimeoutPreemptively(HANG, () -> loader.load(name, input));
                outcomes[o.ordinal()]++;
            } catch (Throwable t) {
                Path saved = save(target, i, name, input);
                fail(target + " input " + i + " (from " + name + ", seed " + SEED + ", saved as " + saved + "): " + t, t);
            }
        }
        System.out.printf("fuzz %s: %d inputs, %d loaded, %d refused%n", target, ITERATIONS,
                outcomes[Outcome.LOADED.ordinal()], outcomes[Outcome.REFUSED.ordinal()]);
        assertTrue(ITERATIONS < 50 || outcomes[Outcome.REFUSED.ordinal()] > 0, "the mutations break some inputs");
    }

    private static Path save(String target, int iteration, String name, String input) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "fuzz"));
            Path file = dir.resolve(target + "-" + SEED + "-" + iteration + "-" + Path.of(name).getFileName());
            Files.writeString(file, input, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            return Path.of("(not saved: " + e.getMessage() + ")");
        }
    }
}
