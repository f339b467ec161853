package io.quorate.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quorate.diag.Diagnostic;
import io.quorate.yaml.Expect;
import io.quorate.yaml.FormCheck;
import io.quorate.yaml.YamlNode;
import io.quorate.yaml.YamlReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Two readings of the same declarations agree: {@link FormCheck} (the forms checked directly, with
 * located diagnostics) and the rendered JSON Schema under a JSON Schema validator accept and refuse
 * the same documents: the bundled files, the malformed corpus, and structural mutations of both.
 * A disagreement is a rendering mistake in one or the other.
 */
class FormCheckMatchesSchemaTest {

    private static final int MUTATIONS = 25;

    @Test
    void policies() throws Exception {
        agree(Schemas.Document.POLICY, files("policies", "examples/plans/start", "src/test/resources/schema/malformed/policy"));
    }

    @Test
    void transaction_files() throws Exception {
        agree(Schemas.Document.TRANSACTION, files("examples", "src/test/resources/schema/malformed/transaction"));
    }

    @Test
    void plans() throws Exception {
        agree(Schemas.Document.PLAN, files("examples/plans", "src/test/resources/schema/malformed/plan"));
    }

    @Test
    void test_files() throws Exception {
        agree(Schemas.Document.TEST, files("src/test/resources/schema/valid/test", "src/test/resources/schema/malformed/test"));
    }

    private static void agree(Schemas.Document d, List<Path> files) throws Exception {
        Random random = new Random(20_261_202L);
        int valid = 0;
        int invalid = 0;
        for (Path file : files) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            for (int m = 0; m <= MUTATIONS; m++) {
                JsonNode tree = SchemaCheck.json(file.toString(), text);
                String change = m == 0 ? "as written" : StructuralMutationTest.change(tree, random);
                String json = tree.toString();
                List<Diagnostic> problems = new ArrayList<>();
                YamlNode node = YamlReader.read("doc.json", json, problems).orElseThrow();
                boolean formAccepts = FormCheck.check(new Expect(problems), node, d.form(), "document");
                boolean schemaAccepts = SchemaCheck.problems(d, node.at().file(), json).isEmpty();
                assertEquals(schemaAccepts, formAccepts, file + ", " + change + ":\n" + json + "\nform check: "
                        + problems.stream().map(Diagnostic::render).toList() + "\nschema: " + SchemaCheck.problems(d, "doc.json", json));
                if (formAccepts) valid++;
                else invalid++;
            }
        }
        assertTrue(valid > 0 && invalid > 0, "valid " + valid + ", invalid " + invalid);
    }

    private static List<Path> files(String... dirs) throws Exception {
        List<Path> out = new ArrayList<>();
        for (String dir : dirs) {
            try (Stream<Path> list = Files.list(Path.of(dir))) {
                list.filter(p -> p.toString().endsWith(".yaml") && Files.isRegularFile(p)).sorted().forEach(out::add);
            }
        }
        return out;
    }
}
