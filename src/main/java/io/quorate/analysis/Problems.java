package io.quorate.analysis;

import io.quorate.diag.SourceLocation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The reference problems met while expanding, each reported once. */
public final class Problems {

    private final Map<String, ReferenceProblem> found = new LinkedHashMap<>();

    public Formula never(String account, String authority, String target, ReferenceProblem.Kind kind, SourceLocation at) {
        found.putIfAbsent(account + "\u0000" + authority + "\u0000" + target + "\u0000" + kind + "\u0000" + at,
                new ReferenceProblem(account, authority, target, kind, at));
        return new Formula.Never(kind == ReferenceProblem.Kind.OUTSIDE_POLICY ? target : null);
    }

    public List<ReferenceProblem> all() {
        return new ArrayList<>(found.values());
    }
}
