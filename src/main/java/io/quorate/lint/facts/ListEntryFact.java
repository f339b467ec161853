package io.quorate.lint.facts;

import io.quorate.diag.SourceLocation;

/**
 * An entry of a list that condition rules compare action accounts with ({@code to}, {@code from}),
 * judged against the chain of an account using it: {@code problem} says why the chain has no such
 * account name (null when it may). {@code list} is the list as messages name it (``list `exchanges` ``,
 * or the rule and field of a list written inline). {@code at} is the entry's own line: in the policy
 * file, or in the list's file beside it.
 */
public record ListEntryFact(String account, String list, String entry, String chain, String problem, SourceLocation at)
        implements Subject {

    @Override
    public String authority() {
        return null;
    }

    @Override
    public String subject() {
        return list;
    }
}
