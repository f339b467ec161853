package io.quorate.yaml;

import io.quorate.diag.SourceLocation;

/**
 * A node of a YAML (or JSON) document, with the place it starts in the user's file, so every
 * problem found later can point at the exact line and column.
 */
public sealed interface YamlNode permits YamlMapping, YamlSequence, YamlScalar {

    SourceLocation at();

    /** How messages name what was found here: "a mapping", "a list", "`abc`", "nothing". */
    String describe();
}
