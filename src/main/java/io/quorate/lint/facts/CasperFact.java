package io.quorate.lint.facts;

import io.quorate.diag.SourceLocation;

/** A Casper account's action thresholds and associated keys. */
public record CasperFact(
        String account,
        int version,
        int deployment,
        int keyManagement,
        int upgradeManagement,
        int keyCount,
        SourceLocation at) implements Subject {

    @Override
    public String authority() {
        return "key_management";
    }

    @Override
    public String subject() {
        return "thresholds";
    }
}
