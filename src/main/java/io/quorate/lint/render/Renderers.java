package io.quorate.lint.render;

import io.quorate.lint.LintRenderer;
import io.quorate.version.QuorateVersion;
import java.util.List;
import java.util.Locale;

/** The lint output formats by name: {@code text} for people, {@code json}, {@code sarif}, {@code junit} and {@code github} for CI. */
public final class Renderers {

    /** The format names {@link #of} accepts, in the order help texts list them. */
    public static final List<String> FORMATS = List.of("text", "json", "sarif", "junit", "github");

    private Renderers() {
    }

    /** The renderer for {@code format}; throws {@link IllegalArgumentException} for a name not in {@link #FORMATS}. */
    public static LintRenderer of(String format) {
        return of(format, RenderOptions.DEFAULT);
    }

    /** As {@link #of(String)}, with the options the format uses. */
    public static LintRenderer of(String format, RenderOptions options) {
        String name = format == null ? "" : format.trim().toLowerCase(Locale.ROOT);
        return switch (name) {
            case "text" -> new TextRenderer(java.nio.file.Path.of(""), options.quiet());
            case "json" -> new JsonRenderer();
            case "sarif" -> new SarifRenderer(QuorateVersion.version(), null, options.docsBase());
            case "junit" -> new JunitRenderer();
            case "github" -> new GithubRenderer();
            default -> throw new IllegalArgumentException(
                    "unknown lint format `" + format + "`: expected one of " + String.join(", ", FORMATS));
        };
    }
}
