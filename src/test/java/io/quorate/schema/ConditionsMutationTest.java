package io.quorate.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quorate.diag.Diagnostic;
import io.quorate.diag.InputException;
import io.quorate.policy.PolicyLoader;
import io.quorate.yaml.Expect;
import io.quorate.yaml.FormCheck;
import io.quorate.yaml.YamlNode;
import io.quorate.yaml.YamlReader;
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
 * The organisation's conditions, changed the way people get them wrong, handed to the policy
 * loader (its conditions reader) and to the policy schema: the bundled treasury policies with one
 * change inside their {@code assets}, {@code groups}, {@code lists}, shared {@code conditions} or an
 * account's {@code conditions}. A file the loader accepts validates; a file it refuses for its
 * structure does not; the field check (FormCheck) gives the schema's answer on every one.
 */
class ConditionsMutationTest {

    private static final int ROUNDS = 600;
    private static final Set<String> STRUCTURAL = Set.of("unknown-field", "wrong-type", "out-of-range");
    private static final List<String> TOP = List.of("assets", "groups", "lists", "conditions");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Test
    void the_conditions_reader_and_the_schema_agree_on_structure() throws Exception {
        List<Path> seeds = List.of(Path.of("policies/eos-treasury.yaml"), Path.of("policies/hive-treasury.yaml"),
                Path.of("policies/casper-treasury.yaml"), Path.of("policies/ft4-treasury.yaml"));
        Random random = new Random(20_261_202L);
        int accepted = 0;
        int structural = 0;
        for (int round = 0; round < ROUNDS; round++) {
            Path seed = seeds.get(random.nextInt(seeds.size()));
            JsonNode tree = SchemaCheck.json(seed.toString(), Files.readString(seed, StandardCharsets.UTF_8));
            String change = change(tree, random);
            String text = tree.toString();
            List<Diagnostic> refused = List.of();
            try {
                // named as the seed, so that a list kept in a file beside it is found
                PolicyLoader.load(seed.toString(), text);
            } catch (InputException e) {
                refused = e.diagnostics();
            }
            boolean valid = SchemaCheck.problems(Schemas.Document.POLICY, seed.toString(), text).isEmpty();
            String what = seed + ", " + change + ":\n" + text + "\nloader: " + refused.stream().map(Diagnostic::render).toList();
            if (refused.isEmpty()) {
                accepted++;
                assertTrue(valid, "the loader accepts what the schema refuses: " + what);
            } else if (refused.stream().anyMatch(p -> STRUCTURAL.contains(p.code()))) {
                structural++;
                assertFalse(valid, "the schema accepts what the loader refuses for its structure: " + what);
            }
            List<Diagnostic> problems = new ArrayList<>();
            YamlNode node = YamlReader.read(seed.toString(), text, problems).orElseThrow();
            boolean formAccepts = FormCheck.check(new Expect(problems), node, Schemas.Document.POLICY.form(), "policy file");
            assertEquals(valid, formAccepts, "the field check and the schema disagree: " + what + "\nform check: "
                    + problems.stream().map(Diagnostic::render).toList());
        }
        assertTrue(accepted > ROUNDS / 10 && structural > ROUNDS / 10, "accepted " + accepted + ", refused for structure " + structural);
    }

    /** One change to a mapping, a list or a value inside the conditions; says what it did. */
    private static String change(JsonNode root, Random random) {
        List<JsonNode> places = new ArrayList<>();
        for (String field : TOP) {
            if (root.has(field)) collect(root.get(field), places);
        }
        for (Iterator<JsonNode> it = root.path("accounts").elements(); it.hasNext(); ) {
            JsonNode account = it.next();
            if (account.has("conditions")) {
                places.add(account);
                collect(account.get("conditions"), places);
            }
        }
        JsonNode place = places.get(random.nextInt(places.size()));
        if (place instanceof ArrayNode list) {
            if (list.isEmpty() || random.nextBoolean()) {
                list.add(value(random));
                return "added an item " + list.get(list.size() - 1) + " to a list";
            }
            int i = random.nextInt(list.size());
            list.remove(i);
            return "dropped item " + (i + 1) + " of a list";
        }
        ObjectNode o = (ObjectNode) place;
        List<String> names = new ArrayList<>();
        o.fieldNames().forEachRemaining(names::add);
        if (o.has("chain")) names = List.of("conditions"); // an account: only its conditions
        int kind = names.isEmpty() ? 0 : random.nextInt(4);
        if (kind == 0) {
            String name = List.of("x", "amout", "rule", "count", "deny", "allow", "require", "not_in", "outside", "zone", "file")
                    .get(random.nextInt(11));
            o.set(name, value(random));
            return "set `" + name + "` to " + o.get(name);
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
        return switch (random.nextInt(11)) {
            case 0 -> NODES.textNode("x");
            case 1 -> NODES.numberNode(70_000);
            case 2 -> NODES.numberNode(0);
            case 3 -> NODES.booleanNode(true);
            case 4 -> NODES.booleanNode(false);
            case 5 -> NODES.arrayNode().add("x");
            case 6 -> NODES.arrayNode();
            case 7 -> NODES.objectNode();
            case 8 -> NODES.textNode("10.0000 EOS");
            case 9 -> NODES.textNode("24h");
            default -> NODES.objectNode().put("x", 1);
        };
    }

    private static void collect(JsonNode node, List<JsonNode> out) {
        if (node instanceof ObjectNode || node instanceof ArrayNode) out.add(node);
        for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) collect(it.next(), out);
    }
}
