package io.quorate.reference;

import io.quorate.cases.DecisionCases;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class ReferenceEvaluatorTest {

    @TestFactory
    Stream<DynamicTest> decides_every_shared_case_as_expected() {
        return DecisionCases.tests(ReferenceEvaluator::new);
    }
}
