package io.quorate.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The packages point one way: leaves (keys, diag, yaml) know nothing of the layers above them. */
class LayeringTest {

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
        slices().matching("io.quorate.(*)..").should().beFreeOfCycles().check(classes);
    }
}
