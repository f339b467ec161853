package io.quorate.yaml;

import io.quorate.diag.SourceLocation;
import java.util.List;

/** A sequence (a YAML list or JSON array), in order. */
public record YamlSequence(List<YamlNode> items, SourceLocation at) implements YamlNode {

    public YamlSequence {
        items = List.copyOf(items);
    }

    @Override
    public String describe() {
        return "a list";
    }
}
