package io.quorate.plan;

/**
 * An authority's resilience before and after a step: fewest signers, and most keys it survives
 * losing (-1: cannot be satisfied; null: the authority does not exist in that state).
 */
public record Figure(String authority, Integer minSignersBefore, Integer minSignersAfter, Integer maxKeyLossBefore, Integer maxKeyLossAfter) {
}
