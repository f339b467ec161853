package io.quorate.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.Set;

/**
 * Fields of decision log entries to hide, as dotted paths ({@code input.signatures},
 * {@code input.actions.account}, {@code reasons.message}); a path through a list applies to each
 * element. A masked value is replaced by {@code "<masked>"}, so readers see that it was there.
 */
record LogMask(List<String[]> paths) {

    static final TextNode MASKED = TextNode.valueOf("<masked>");
    static final LogMask NONE = new LogMask(List.of());

    static LogMask of(Set<String> fields) {
        return new LogMask(fields.stream().sorted().map(f -> f.split("\\.")).toList());
    }

    ObjectNode apply(ObjectNode entry) {
        for (String[] path : paths) mask(entry, path, 0);
        return entry;
    }

    private static void mask(JsonNode node, String[] path, int at) {
        if (node instanceof ArrayNode list) {
            list.forEach(item -> mask(item, path, at));
        } else if (node instanceof ObjectNode o && o.has(path[at])) {
            if (at == path.length - 1) {
                o.set(path[at], MASKED);
            } else {
                mask(o.get(path[at]), path, at + 1);
            }
        }
    }
}
