package io.quorate.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.analysis.ChainExpansions;
import io.quorate.chains.ChainIds;
import io.quorate.chains.imports.ChainImport;
import io.quorate.lint.ChainLintFacts;
import io.quorate.compile.ChainLayout;
import io.quorate.engine.ChainDecider;
import io.quorate.plan.ChainSteps;
import io.quorate.policy.Chain;
import io.quorate.policy.ChainServices;
import io.quorate.rules.ChainRules;
import io.quorate.reference.ChainReference;
import io.quorate.signatures.ChainSignatureScheme;
import io.quorate.signatures.NativeTransaction;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every registered chain supplies every part each layer needs, from its own package; the parts a
 * chain may lack (an API to import from, a signature scheme, a native transaction) belong to
 * registered chains only, and which chains lack them is written here.
 */
class ChainRegistryTest {

    /** Generic thresholds are no chain's API: nothing to import, no signatures, no transactions of their own. */
    static final Set<String> WITHOUT_IMPORT = Set.of("generic");
    static final Set<String> WITHOUT_SIGNATURES = Set.of("generic");
    static final Set<String> WITH_NATIVE_TRANSACTIONS = Set.of("hive", "casper");

    @Test
    void the_registered_chains_are_the_five_in_registration_order() {
        assertEquals(List.of("eos", "hive", "casper", "ft4", "generic"), Chain.all().stream().map(Chain::id).toList());
        for (Chain c : Chain.all()) assertEquals(c, Chain.byId(c.id()));
        assertEquals(null, Chain.byId("bitcoin"));
    }

    @Test
    void every_chain_supplies_every_required_part_from_its_own_package() {
        for (Chain chain : Chain.all()) {
            assertNotNull(chain.keyFormat(), chain + ": key format");
            assertTrue(chain.withArticle().endsWith(" " + chain.id()), chain + ": " + chain.withArticle());
            assertOwn(chain, ChainExpansions.all(), "analysis");
            assertOwn(chain, ChainReference.all(), "reference check");
            assertOwn(chain, ChainLintFacts.all(), "lint facts");
            assertOwn(chain, ChainIds.all(), "on-chain ids");
            assertOwn(chain, ChainServices.load(ChainLayout.class, ChainLayout::chain), "compiled layout");
            assertOwn(chain, ChainServices.load(ChainRules.class, ChainRules::chain), "rules");
            assertOwn(chain, ChainServices.load(ChainDecider.class, ChainDecider::chain), "decider");
            assertOwn(chain, ChainServices.load(ChainSteps.class, ChainSteps::chain), "change plan steps");
        }
    }

    @Test
    void optional_parts_belong_to_registered_chains_and_only_the_written_ones_lack_them() {
        assertOptional(ChainImport.all(), WITHOUT_IMPORT, "importer");
        assertOptional(ChainSignatureScheme.all(), WITHOUT_SIGNATURES, "signature scheme");
        assertEquals(WITH_NATIVE_TRANSACTIONS, ids(NativeTransaction.all().keySet()));
        NativeTransaction.all().forEach((chain, part) -> assertInPackage(chain, part, "native transaction"));
        Set<String> fields = new LinkedHashSet<>();
        for (NativeTransaction n : NativeTransaction.all().values()) {
            assertTrue(fields.add(n.field()), "two native transactions use field `" + n.field() + "`");
        }
    }

    private static void assertOptional(Map<Chain, ?> parts, Set<String> without, String what) {
        Set<String> expected = new LinkedHashSet<>(ids(Chain.all()));
        expected.removeAll(without);
        assertEquals(expected, ids(parts.keySet()), what);
        parts.forEach((chain, part) -> assertInPackage(chain, part, what));
    }

    private static void assertOwn(Chain chain, Map<Chain, ?> parts, String what) {
        Object part = parts.get(chain);
        assertNotNull(part, chain + " registers no " + what);
        assertInPackage(chain, part, what);
    }

    private static void assertInPackage(Chain chain, Object part, String what) {
        assertEquals("io.quorate.chain." + chain.id(), part.getClass().getPackageName(), chain + ": " + what + " lives in its chain's package");
    }

    private static Set<String> ids(Iterable<Chain> chains) {
        Set<String> out = new LinkedHashSet<>();
        chains.forEach(c -> out.add(c.id()));
        return out;
    }
}
