package io.quorate.compile;

import io.quorate.policy.KeyDirectory;
import io.quorate.policy.PolicySet;
import java.util.List;
import java.util.Map;

/**
 * The result of compiling a policy set: every authority as a {@link Program} and the accounts.
 * Immutable and shared by all decisions.
 */
public record CompiledPolicy(
        PolicySet source,
        KeyIndex keys,
        KeyDirectory directory,
        List<Program> programs,
        Map<String, CompiledAccount> accounts,
        List<CompiledAccount> accountsInOrder) {

    public Program program(int id) {
        return programs.get(id);
    }

    public CompiledAccount account(String name) {
        return accounts.get(name);
    }

    /** The account numbered {@code index} (declaration order), or null for -1. */
    public CompiledAccount account(int index) {
        return index < 0 ? null : accountsInOrder.get(index);
    }
}
