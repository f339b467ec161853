package io.quorate.schema;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quorate.diag.Diagnostic;
import io.quorate.diag.InputException;
import io.quorate.plan.PlanLoader;
import io.quorate.policy.PolicyLoader;
import io.quorate.policy.PolicySet;
import io.quorate.transaction.TransactionLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The schema and the loaders read the same declarations, so they agree on structure. Bundled files
 * are changed the way people change them by mistake (a field added, dropped, or given a value of
 * another type or out of range) and handed to both: a file the loader accepts validates, and a
 * file the loader refuses for its structure (an unknown field, a wrong type, a number out of
 * range) does not. Refusals for what only the whole file can tell (a key that does not decode, a
 * parent not declared) are the loader's alone and are not compared.
 */
class StructuralMutationTest {

    private static final int ROUNDS = 400;
    private static final Set<String> STRUCTURAL = Set.of("unknown-field", "wrong-type", "out-of-range");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private interface Loader {
        void load(String name, String text) throws InputException;
    }

    @Test
    void policies() throws Exception {
        mutate(Schemas.Document.POLICY, files("policies", "examples/plans/start"), ROUNDS, SchemaCheck::loadPolicy);
    }

    @Test
    void transaction_files() throws Exception {
        mutate(Schemas.Document.TRANSACTION, files("examples"), ROUNDS, TransactionLoader::load);
    }

    @Test
    void plans() throws Exception {
        for (Path plan : files("examples/plans")) {
            PolicySet start = PolicyLoader.load(List.of(PlanLoader.policyOf(plan)));
            mutate(Schemas.Document.PLAN, List.of(plan), ROUNDS / 8, (name, text) -> PlanLoader.load(name, text, start));
        }
    }

    private static void mutate(Schemas.Document d, List<Path> seeds, int rounds, Loader loader) throws Exception {
        Random random = new Random(20_261_202L + seeds.size());
        int accepted = 0;
        int structural = 0;
        for (int round = 0; round < rounds; round++) {
            Path seed = seeds.get(random.nextInt(seeds.size()));
            JsonNode tree = SchemaCheck.json(seed.toString(), Files.readString(seed, StandardCharsets.UTF_8));
            String change = change(tree, random);
            String text = tree.toString();
            List<Diagnostic> refused = List.of();
            try {
                loader.load("mutated.json", text);
            } catch (InputException e) {
                refused = e.diagnostics();
            }
            boolean valid = SchemaCheck.problems(d, "mutated.json", text).isEmpty();
            String what = seed + ", " + change + ":\n" + text + "\nloader: " + refused.stream().map(Diagnostic::render).toList();
            if (refused.isEmpty()) {
                accepted++;
                assertTrue(valid, "the loader accepts what the schema refuses: " + what);
            } else if (refused.stream().anyMatch(p -> STRUCTURAL.contains(p.code()))) {
                structural++;
                assertFalse(valid, "the schema accepts what the loader refuses for its structure: " + what);
            }
        }
        assertTrue(accepted > 0 && structural > 0, "accepted " + accepted + ", refused for structure " + structural);
    }

    /** One change somewhere in the tree; says what it did. */
    static String change(JsonNode root, Random random) {
        List<ObjectNode> objects = new ArrayList<>();
        collect(root, objects);
        ObjectNode o = objects.get(random.nextInt(objects.size()));
        List<String> names = new ArrayList<>();
        o.fieldNames().forEachRemaining(names::add);
        int kind = names.isEmpty() ? 0 : random.nextInt(3);
        if (kind == 0) {
            String name = "zz_" + Integer.toString(random.nextInt(1000), 36);
            o.set(name, value(random));
            return "added `" + name + "`";
        }
        String name = names.get(random.nextInt(names.size()));
        if (kind == 1) {
            o.remove(name);
            return "dropped `" + name + "`";
        }
        o.set(name, value(random));
        return "replaced `" + name + "` by " + o.get(name);
    }

    private static JsonNode value(Random random) {
        return switch (random.nextInt(7)) {
            case 0 -> NODES.textNode("x");
            case 1 -> NODES.numberNode(70_000);
            case 2 -> NODES.numberNode(-1);
            case 3 -> NODES.booleanNode(true);
            case 4 -> NODES.arrayNode().add("x");
            case 5 -> NODES.objectNode().put("x", 1);
            default -> NODES.numberNode(1);
        };
    }

    private static void collect(JsonNode node, List<ObjectNode> out) {
        if (node instanceof ObjectNode o) {
            out.add(o);
            for (Iterator<JsonNode> it = o.elements(); it.hasNext(); ) collect(it.next(), out);
        } else if (node instanceof ArrayNode a) {
            a.forEach(item -> collect(item, out));
        }
    }

    private static List<Path> files(String... dirs) throws Exception {
        List<Path> out = new ArrayList<>();
        for (String dir : dirs) {
            try (var list = Files.list(Path.of(dir))) {
                list.filter(p -> p.toString().endsWith(".yaml") && Files.isRegularFile(p)).sorted().forEach(out::add);
            }
        }
        assertFalse(out.isEmpty());
        return out;
    }
}
