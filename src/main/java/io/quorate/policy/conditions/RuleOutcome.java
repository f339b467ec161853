package io.quorate.policy.conditions;

/** What follows when a rule applies: {@code deny: MESSAGE}, {@code allow: true} or {@code require: …}. */
public sealed interface RuleOutcome {

    /** {@code allow}, {@code deny} or {@code require}, as decisions name outcomes. */
    String kind();

    record Deny(String message) implements RuleOutcome {
        @Override
        public String kind() {
            return "deny";
        }
    }

    record Allow() implements RuleOutcome {
        @Override
        public String kind() {
            return "allow";
        }
    }

    record Require(Requirement requirement) implements RuleOutcome {
        @Override
        public String kind() {
            return "require";
        }
    }
}
