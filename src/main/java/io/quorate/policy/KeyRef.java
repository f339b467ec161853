package io.quorate.policy;

import io.quorate.keys.KeyId;

/** A resolved key: its identity, and the label reports use (the key's name when it has one). */
public record KeyRef(String label, KeyId id) {
}
