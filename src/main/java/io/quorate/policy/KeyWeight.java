package io.quorate.policy;

import io.quorate.diag.SourceLocation;

public record KeyWeight(KeyRef key, int weight, SourceLocation at) {
}
