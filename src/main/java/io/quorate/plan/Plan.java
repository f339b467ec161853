package io.quorate.plan;

import io.quorate.policy.PolicySet;

import java.util.List;

/**
 * A change plan read against a policy set: the starting state (the policy with the plan's key
 * names added), the steps as operations, in order, and the outcome an example plan records.
 */
public record Plan(String file, PolicySet start, List<Operation> operations, PlanExpectation expected) {

    public Plan {
        operations = List.copyOf(operations);
    }
}
