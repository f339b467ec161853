package io.quorate.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every plan under examples/plans checks out as it records: the tutorials safe, each unsafe variant caught at its step. */
class ExamplePlansTest {

    static List<Path> plans() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("examples/plans"))) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> every_example_plan_checks_out_as_recorded() throws Exception {
        return plans().stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
            PlanExample.Outcome o = PlanExample.check(p, List.of(Path.of("policies")));
            assertNull(o.mismatch(), o.mismatch());
        }));
    }

    @Test
    void there_are_tutorial_sequences_and_unsafe_variants_for_each_tutorial_chain() throws Exception {
        List<String> names = plans().stream().map(p -> p.getFileName().toString()).toList();
        for (String chain : List.of("casper", "ft4", "eos", "hive")) {
            assertTrue(names.contains(chain + "-multisig.yaml"), chain);
            assertTrue(names.stream().filter(n -> n.startsWith(chain + "-")).count() >= 3, chain);
        }
    }

    @Test
    void the_casper_tutorial_ends_where_the_bundled_policy_is() throws Exception {
        PlanExample.Outcome o = PlanExample.check(Path.of("examples/plans/casper-multisig.yaml"), List.of());
        var end = (io.quorate.chain.casper.CasperAccount) o.report().end().account("casper-primary");
        var bundled = (io.quorate.chain.casper.CasperAccount) io.quorate.policy.PolicyLoader.load(List.of(Path.of("policies/casper-multisig.yaml")))
                .account("casper-primary");
        assertEquals(bundled.deployment(), end.deployment());
        assertEquals(bundled.keyManagement(), end.keyManagement());
        assertEquals(bundled.keys().stream().map(k -> k.key().id() + "=" + k.weight()).sorted().toList(),
                end.keys().stream().map(k -> k.key().id() + "=" + k.weight()).sorted().toList());
    }
}
