package io.quorate.engine;

/** Why a decision came out as it did: a stable code (see {@link ReasonCode}) and a message for people. */
public record Reason(String code, String message) {
}
