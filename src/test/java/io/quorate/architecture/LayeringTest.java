package io.quorate.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packages point one way: leaves (keys, diag, yaml) know nothing of the layers above them, and
 * each chain is one package under {@code io.quorate.chain} that shared code reaches only through
 * the registries.
 */
class LayeringTest {

    /**
     * Temporary allowance: the compiled engine's chain-specific classes still read the chain's account
     * records directly, until they move into the chain packages. Shrink this list; never grow it.
     */
    static final Set<String> ENGINE_AND_COMPILE_READING_CHAIN_ACCOUNTS = Set.of(
            "io.quorate.engine.EosDecider",
            "io.quorate.engine.HiveDecider",
            "io.quorate.engine.CasperDecider",
            "io.quorate.engine.Ft4Decider",
            "io.quorate.engine.Ft4Rules",
            "io.quorate.engine.GenericDecider",
            "io.quorate.compile.PolicyCompiler",
            "io.quorate.compile.DrlWriter",
            "io.quorate.compile.Program");

    static final DescribedPredicate<JavaClass> TEMPORARY_ALLOWANCE = DescribedPredicate.describe(
            "engine and compile classes of the temporary allowance",
            c -> ENGINE_AND_COMPILE_READING_CHAIN_ACCOUNTS.contains(topLevel(c.getName())));

    static final DescribedPredicate<JavaClass> IN_A_CHAIN = DescribedPredicate.describe(
            "classes of a chain package", c -> c.getPackageName().startsWith("io.quorate.chain."));

    private static String topLevel(String name) {
        int inner = name.indexOf('$');
        return inner < 0 ? name : name.substring(0, inner);
    }

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.quorate");
    }

    @Test
    void keys_are_a_leaf() {
        noClasses().that().resideInAPackage("io.quorate.keys..")
                .should().dependOnClassesThat().resideInAnyPackage("io.quorate.policy..", "io.quorate.engine..",
                        "io.quorate.compile..", "io.quorate.cli..", "io.quorate.yaml..")
                .check(classes);
    }

    @Test
    void the_policy_model_knows_nothing_of_drools_or_decisions() {
        noClasses().that().resideInAnyPackage("io.quorate.policy..", "io.quorate.transaction..", "io.quorate.yaml..")
                .should().dependOnClassesThat().resideInAnyPackage("org.kie..", "org.drools..", "io.quorate.engine..",
                        "io.quorate.compile..", "io.quorate.cli..")
                .check(classes);
    }

    @Test
    void the_compiler_does_not_depend_on_the_engine() {
        noClasses().that().resideInAPackage("io.quorate.compile..")
                .should().dependOnClassesThat().resideInAnyPackage("io.quorate.engine..", "io.quorate.cli..")
                .check(classes);
    }

    @Test
    void nothing_imports_the_command_line() {
        noClasses().that().resideOutsideOfPackage("io.quorate.cli..")
                .should().dependOnClassesThat().resideInAPackage("io.quorate.cli..")
                .check(classes);
    }

    @Test
    void the_reference_evaluator_does_not_use_the_compiled_engine() {
        noClasses().that().resideInAPackage("io.quorate.reference..")
                .should().dependOnClassesThat().resideInAnyPackage("io.quorate.compile..", "org.kie..", "org.drools..")
                .check(classes);
    }

    @Test
    void packages_have_no_cycles() {
        slices().matching("io.quorate.(*)..").should().beFreeOfCycles()
                .ignoreDependency(TEMPORARY_ALLOWANCE, IN_A_CHAIN)
                .check(classes);
    }

    @Test
    void chain_packages_have_no_cycles_among_themselves() {
        slices().matching("io.quorate.chain.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void no_chain_imports_another_chain() {
        slices().matching("io.quorate.chain.(*)..").should().notDependOnEachOther().check(classes);
    }

    @Test
    void shared_layers_reach_chains_only_through_the_registries() {
        noClasses().that().resideOutsideOfPackage("io.quorate.chain..")
                .and(DescribedPredicate.not(TEMPORARY_ALLOWANCE))
                .should().dependOnClassesThat().resideInAPackage("io.quorate.chain..")
                .check(classes);
    }

    @Test
    void the_allowance_names_only_engine_and_compile_classes_that_still_need_it() {
        for (String name : ENGINE_AND_COMPILE_READING_CHAIN_ACCOUNTS) {
            JavaClass c = classes.get(name);
            org.junit.jupiter.api.Assertions.assertTrue(name.startsWith("io.quorate.engine.") || name.startsWith("io.quorate.compile."), name);
            org.junit.jupiter.api.Assertions.assertTrue(c.getDirectDependenciesFromSelf().stream()
                    .anyMatch(d -> IN_A_CHAIN.test(d.getTargetClass())), name + " no longer needs the allowance: remove it");
        }
    }

    @Test
    void a_chains_reference_check_uses_neither_the_compiled_rules_nor_a_decider() {
        noClasses().that().resideInAPackage("io.quorate.chain..")
                .should().dependOnClassesThat().resideInAnyPackage("io.quorate.compile..", "org.kie..", "org.drools..")
                .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Decider")
                .check(classes);
    }

    @Test
    void chains_know_nothing_of_the_outer_shell() {
        noClasses().that().resideInAPackage("io.quorate.chain..")
                .should().dependOnClassesThat().resideInAnyPackage("io.quorate.cli..", "io.quorate.server..", "io.quorate.bench..")
                .check(classes);
    }
}
