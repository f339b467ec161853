package io.quorate.lint.render;

import io.quorate.lint.LintRenderer;
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
        String name = format == null ? "" : format.trim().toLowerCase(Locale.ROOT);
        return switch (name) {
            case "text" -> new TextRenderer();
            case "json" -> new JsonRenderer();
            case "sarif" -> new SarifRenderer();
            case "junit" -> new JunitRenderer();
            case "github" -> new GithubRenderer();
            default -> throw new IllegalArgumentException(
                    "unknown lint format `" + format + "`: expected one of " + String.join(", ", FORMATS));
        };
    }
}
