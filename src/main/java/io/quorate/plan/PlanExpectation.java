package io.quorate.plan;

/**
 * What an example plan records next to its steps: the overall verdict and, for an unsafe or
 * rejected plan, the first step that is not ok, with the chain's error or the lint finding.
 */
public record PlanExpectation(String verdict, String step, String error, String finding) {
}
