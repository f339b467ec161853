package io.quorate.lint.render;

import java.net.URI;

/**
 * How to render beyond the format: {@code quiet} leaves the resilience figures out of the text
 * report; {@code docsBase}, an absolute URI such as a repository's web address at a tag, makes
 * each SARIF rule's {@code helpUri} (the doc pages resolve against it), or null to give the pages
 * as relative paths only.
 */
public record RenderOptions(boolean quiet, URI docsBase) {

    public static final RenderOptions DEFAULT = new RenderOptions(false, null);

    public RenderOptions {
        if (docsBase != null && !docsBase.isAbsolute()) throw new IllegalArgumentException("`" + docsBase + "` is not an absolute uri");
    }
}
