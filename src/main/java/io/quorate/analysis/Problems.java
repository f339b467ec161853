package io.quorate.analysis;

import io.quorate.diag.SourceLocation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The reference problems met while expanding, each reported once. */
public final class Problems {

    /**
     * References followed while expanding one account: webs of references (diamonds, cliques)
     * multiply the paths, and past this many the rest count as nothing, so an analysis stays
     * bounded in time and memory whatever the policy's shape.
     */
    public static final int MAX_REFERENCES_PER_ACCOUNT = 20_000;

    private final Map<String, ReferenceProblem> found = new LinkedHashMap<>();
    private int followed;
    private boolean cut;

    /** Starts counting the references of the next account. */
    public void startAccount() {
        followed = 0;
        cut = false;
    }

    /** Whether the account's figures are bounds because some reference was not followed. */
    public boolean cut() {
        return cut;
    }

    /**
     * Counts one reference about to be followed: null when it may be, else the formula that
     * stands for it (nothing), with the problem reported once.
     */
    public Formula follow(String account, String authority, String target, SourceLocation at) {
        if (++followed <= MAX_REFERENCES_PER_ACCOUNT) return null;
        cut = true;
        // once per authority, naming the first reference not followed
        found.putIfAbsent(account + "\u0000" + authority + "\u0000" + ReferenceProblem.Kind.TOO_MANY_PATHS,
                new ReferenceProblem(account, authority, target, ReferenceProblem.Kind.TOO_MANY_PATHS, at));
        return new Formula.Never(null);
    }

    public Formula never(String account, String authority, String target, ReferenceProblem.Kind kind, SourceLocation at) {
        found.putIfAbsent(account + "\u0000" + authority + "\u0000" + target + "\u0000" + kind + "\u0000" + at,
                new ReferenceProblem(account, authority, target, kind, at));
        return new Formula.Never(kind == ReferenceProblem.Kind.OUTSIDE_POLICY ? target : null);
    }

    public List<ReferenceProblem> all() {
        return new ArrayList<>(found.values());
    }
}
