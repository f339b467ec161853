package io.quorate.policy.conditions;

import io.quorate.diag.SourceLocation;
import java.util.List;

/**
 * A set of conditions: how its rules combine, what holds when no rule matches, and the rules in
 * order. Written in an account ({@code conditions: {…}}; {@code name} is the account) or at the top
 * level and used by name from several accounts ({@code shared}; {@code name} is its name).
 * {@code at} is where it is written.
 */
public record AccountConditions(String name, boolean shared, Combine combine, boolean defaultAllow, List<ConditionRule> rules,
        SourceLocation at) {

    public AccountConditions {
        rules = List.copyOf(rules);
    }

    /** What the compiled rules match the set by: the account's name, or {@code conditions:NAME} for a shared set. */
    public String key() {
        return key(name, shared);
    }

    public static String key(String name, boolean shared) {
        return shared ? "conditions:" + name : name;
    }

    /** How reports name it: {@code account `treasury`} or {@code conditions `standard`}. */
    public String describe() {
        return (shared ? "conditions `" : "account `") + name + "`";
    }

    /** How rules whose {@code when} holds decide together. */
    public enum Combine {
        /** The first rule whose {@code when} holds decides. */
        FIRST_MATCH("first-match"),
        /** Every rule whose {@code when} holds applies; any deny wins, every requirement must be met. */
        DENY_OVERRIDES("deny-overrides");

        private final String label;

        Combine(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
