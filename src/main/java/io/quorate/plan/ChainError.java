package io.quorate.plan;

/** A chain's refusal of a step: the chain's own error name and what it means for this step. */
public record ChainError(String name, String message) {
}
