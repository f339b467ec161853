package io.quorate.lint.facts;

import io.quorate.diag.SourceLocation;

/**
 * The {@code require} of a condition rule: what it asks for (as decisions state it) and why no set
 * of approvals can ever meet it ({@code unmeetable}; null when some set can). {@code at} is the
 * innermost requirement that cannot be met.
 */
public record ApprovalFact(String account, String set, String rule, String requirement, String unmeetable, SourceLocation at)
        implements Subject {

    @Override
    public String authority() {
        return null;
    }

    @Override
    public String subject() {
        return ConditionSetFact.describe(set) + ": rule `" + rule + "`";
    }
}
