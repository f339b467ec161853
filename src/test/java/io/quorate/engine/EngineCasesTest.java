package io.quorate.engine;

import io.quorate.cases.DecisionCases;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The compiled Drools engine decides every shared case (taken from the chains' own tests) as expected. */
class EngineCasesTest {

    @TestFactory
    Stream<DynamicTest> decides_every_shared_case_as_expected() {
        return DecisionCases.tests(Quorate::prepare);
    }
}
