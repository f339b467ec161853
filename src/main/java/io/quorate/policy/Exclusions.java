package io.quorate.policy;

import java.nio.file.FileSystems;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;

/**
 * Globs naming files and folders to leave out of a policy set. A glob without a slash matches a
 * file or folder name at any depth ({@code drafts}, {@code *.draft.yaml}); one with a slash matches
 * the path inside the directory given ({@code team/drafts/**}) or the path as given
 * ({@code policies/drafts/**}). An excluded folder is not searched.
 */
public final class Exclusions {

    public static final Exclusions NONE = new Exclusions(List.of());

    private record Glob(String text, PathMatcher matcher, boolean byName) {
    }

    private final List<Glob> globs;

    private Exclusions(List<Glob> globs) {
        this.globs = globs;
    }

    /** Throws {@link IllegalArgumentException} with a message naming a glob that is not one. */
    public static Exclusions of(List<String> globs) {
        List<Glob> out = new ArrayList<>();
        for (String g : globs) {
            String glob = g.strip().replace('\\', '/');
            while (glob.startsWith("./")) glob = glob.substring(2);
            if (glob.endsWith("/")) glob = glob.substring(0, glob.length() - 1);
            if (glob.isEmpty()) throw new IllegalArgumentException("`" + g + "` is an empty glob");
            try {
                out.add(new Glob(g, FileSystems.getDefault().getPathMatcher("glob:" + glob), !glob.contains("/")));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("`" + g + "` is not a glob: " + e.getMessage().lines().findFirst().orElse(""));
            }
        }
        return new Exclusions(List.copyOf(out));
    }

    /** True when {@code path}, found under the directory {@code root} as given, is excluded. */
    boolean excludes(Path root, Path path) {
        if (globs.isEmpty()) return false;
        Path relative = root.relativize(path);
        return excludes(path) || globs.stream().anyMatch(g -> !g.byName() && matches(g, relative));
    }

    /** True when {@code path}, as given, is excluded. */
    boolean excludes(Path path) {
        Path name = path.getFileName();
        Path shown = path.normalize();
        for (Glob g : globs) {
            if (g.byName() ? name != null && matches(g, name) : matches(g, shown)) return true;
        }
        return false;
    }

    private static boolean matches(Glob g, Path p) {
        try {
            return g.matcher().matches(Path.of(p.toString().replace('\\', '/')));
        } catch (InvalidPathException e) {
            return false;
        }
    }
}
