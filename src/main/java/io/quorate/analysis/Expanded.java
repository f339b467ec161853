package io.quorate.analysis;

import io.quorate.diag.SourceLocation;
import java.util.List;

/** What one account expands to, over the {@link KeyTable}'s numbers, before figures are computed. */
public record Expanded(List<Authority> authorities, List<Capability> capabilities) {

    public record Authority(String name, String kind, Formula formula, boolean waitOnly, SourceLocation at) {
    }

    public record Capability(String name, List<String> grantedBy, Formula formula) {
    }

    public static boolean satisfiable(Formula f) {
        return f.holds(k -> true);
    }
}
