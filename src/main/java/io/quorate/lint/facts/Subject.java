package io.quorate.lint.facts;

import io.quorate.diag.SourceLocation;

/**
 * What a fact is about, so that a rule's consequence can report a finding on it: the account,
 * the authority (role, descriptor, threshold, capability; null for the account as a whole), how
 * messages name it ("permission `owner`"), and where it is written.
 */
public interface Subject {

    String account();

    String authority();

    /** The authority as messages name it, e.g. "permission `owner`"; null for the account itself. */
    String subject();

    SourceLocation at();
}
