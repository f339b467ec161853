package io.quorate.chains.imports;

import com.fasterxml.jackson.databind.JsonNode;
import io.quorate.policy.Chain;
import io.quorate.policy.ChainServices;
import java.util.List;
import java.util.Map;

/**
 * Reads one chain's API answers into a policy draft ({@code quorate import --from <chain>}).
 * Registered in {@code META-INF/services/io.quorate.chains.imports.ChainImport}.
 */
public interface ChainImport {

    Chain chain();

    /** One import: every file's root is read in turn, then {@link Run#finish} writes what needs them all. */
    Run begin(PolicyDraft draft);

    /**
     * A file that is not JSON, read in the notation of the chain's own tools (FT4: {@code chr}'s
     * GTV), or null when the chain has none or the text is not in it.
     *
     * @throws IllegalArgumentException saying why text that looks like that notation cannot be read
     */
    default JsonNode notation(String text) {
        return null;
    }

    /** The state of one import. */
    interface Run {
        void read(Json root);

        /** Writes what had to wait for every file; {@code warnings} collects what looked wrong without stopping. */
        default void finish(List<ImportProblem> warnings) {
        }
    }

    /** Every registered chain's importer. */
    static Map<Chain, ChainImport> all() {
        return Registered.BY_CHAIN;
    }

    /** Loaded once, on first use. */
    final class Registered {
        private static final Map<Chain, ChainImport> BY_CHAIN = ChainServices.load(ChainImport.class, ChainImport::chain);

        private Registered() {
        }
    }
}
