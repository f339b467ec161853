package io.quorate.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packages point one way: leaves (keys, diag, yaml) know nothing of the layers above them, and
 * each chain is one package under {@code io.quorate.chain} that shared code reaches only through
 * the registries.
 */
class LayeringTest {

    /** The chains' reference checks: the plain transcriptions the engine is tested against. */
    static final DescribedPredicate<JavaClass> REFERENCE_CHECKS = DescribedPredicate.describe(
            "the chains' reference checks", c -> c.getPackageName().startsWith("io.quorate.chain.")
                    && topLevel(c.getSimpleName().isEmpty() ? c.getName() : c.getName()).endsWith("Check")
                    && !topLevel(c.getName()).endsWith("AuthorityCheck"));

    /** A chain's parts of the compiled engine: its layout, rules, check facts, decider and their checkers. */
    static final DescribedPredicate<JavaClass> ENGINE_SIDE = DescribedPredicate.describe(
            "a chain's layout, rules, checks or decider", c -> c.isAssignableTo(io.quorate.rules.AuthorityCheck.class)
                    || c.isAssignableTo(io.quorate.rules.ChainRules.class) || c.isAssignableTo(io.quorate.engine.ChainDecider.class)
                    || c.isAssignableTo(io.quorate.compile.ChainLayout.class)
                    || (c.getPackageName().startsWith("io.quorate.chain.") && !REFERENCE_CHECKS.test(c)
                        && (c.getSimpleName().endsWith("Evaluator") || c.getSimpleName().endsWith("SignState"))));

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
    void the_reference_evaluator_evaluates_conditions_without_their_rules() {
        noClasses().that().resideInAPackage("io.quorate.reference..")
                .should().dependOnClassesThat().haveFullyQualifiedName(io.quorate.conditions.ConditionRules.class.getName())
                .orShould().dependOnClassesThat().haveFullyQualifiedName(io.quorate.conditions.ConditionsEngine.class.getName())
                .orShould().dependOnClassesThat().haveFullyQualifiedName(io.quorate.conditions.ConditionCheck.class.getName())
                .check(classes);
    }

    @Test
    void the_conditions_model_knows_nothing_of_their_rules() {
        noClasses().that().resideInAPackage("io.quorate.policy.conditions..")
                .should().dependOnClassesThat().resideInAnyPackage("io.quorate.conditions..", "org.kie..", "org.drools..")
                .check(classes);
    }

    @Test
    void packages_have_no_cycles() {
        slices().matching("io.quorate.(*)..").should().beFreeOfCycles().check(classes);
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
                .should().dependOnClassesThat().resideInAPackage("io.quorate.chain..")
                .check(classes);
    }

    @Test
    void a_chains_reference_check_uses_neither_the_rules_nor_the_engines_checkers() {
        noClasses().that(REFERENCE_CHECKS)
                .should().dependOnClassesThat().resideInAnyPackage("io.quorate.compile..", "io.quorate.rules..",
                        "org.kie..", "org.drools..")
                .orShould().dependOnClassesThat(ENGINE_SIDE)
                .check(classes);
    }

    @Test
    void the_shared_engine_and_rules_reach_chains_only_through_their_registries() {
        noClasses().that().resideInAnyPackage("io.quorate.engine..", "io.quorate.rules..", "io.quorate.compile..")
                .should().dependOnClassesThat().resideInAPackage("io.quorate.chain..")
                .check(classes);
    }

    @Test
    void chains_know_nothing_of_the_outer_shell() {
        noClasses().that().resideInAPackage("io.quorate.chain..")
                .should().dependOnClassesThat().resideInAnyPackage("io.quorate.cli..", "io.quorate.server..", "io.quorate.bench..")
                .check(classes);
    }
}
