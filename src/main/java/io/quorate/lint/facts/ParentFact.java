package io.quorate.lint.facts;

import io.quorate.diag.SourceLocation;

/**
 * A higher authority and one it controls: an EOS parent permission and its child, Hive owner over
 * active and posting (active over posting), an FT4 {@code A} descriptor over another descriptor,
 * Casper key management over deployment. Reported on the parent.
 */
public record ParentFact(
        String account,
        String chain,
        String parent,
        String parentKind,
        int parentMinSigners,
        String child,
        String childKind,
        int childMinSigners,
        SourceLocation at) implements Subject {

    @Override
    public String authority() {
        return parent;
    }

    @Override
    public String subject() {
        return parentKind + " `" + parent + "`";
    }
}
