package io.quorate.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.quorate.diag.Diagnostic;
import io.quorate.diag.InputException;
import io.quorate.policy.PolicyLoader;
import io.quorate.testing.TestFileForm;
import io.quorate.yaml.Expect;
import io.quorate.yaml.Form;
import io.quorate.yaml.FormCheck;
import io.quorate.yaml.YamlMapping;
import io.quorate.yaml.YamlNode;
import io.quorate.yaml.YamlReader;
import io.quorate.yaml.YamlScalar;
import io.quorate.yaml.YamlSequence;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates YAML text against the rendered schemas with a JSON Schema validator, reading the YAML
 * as the loaders do (the same reader, so a scalar is a number, a boolean or text exactly when
 * the loaders see it so), which is also how an editor's YAML support hands it to the schema.
 */
public final class SchemaCheck {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    private static final Map<Schemas.Document, JsonSchema> SCHEMAS = new EnumMap<>(Schemas.Document.class);

    private SchemaCheck() {
    }

    public static synchronized JsonSchema schema(Schemas.Document d) {
        return SCHEMAS.computeIfAbsent(d, k -> {
            try {
                return FACTORY.getSchema(JSON.readTree(k.schema()), CONFIG);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** The schema's complaints about the document in {@code yaml} (empty: it validates). */
    public static Set<ValidationMessage> problems(Schemas.Document d, String name, String yaml) {
        return schema(d).validate(json(name, yaml));
    }

    public static Set<ValidationMessage> problems(Schemas.Document d, JsonNode node) {
        return schema(d).validate(node);
    }

    /** The YAML as JSON, read by the loaders' reader; a file it cannot read fails the test. */
    public static JsonNode json(String name, String yaml) {
        List<Diagnostic> problems = new ArrayList<>();
        YamlNode node = YamlReader.read(name, yaml, problems)
                .orElseThrow(() -> new AssertionError(name + ": not YAML: " + problems));
        return json(node);
    }

    public static JsonNode json(YamlNode node) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (node instanceof YamlMapping m) {
            ObjectNode o = f.objectNode();
            for (YamlMapping.Entry e : m.entries()) o.set(e.key(), json(e.value()));
            return o;
        }
        if (node instanceof YamlSequence s) {
            ArrayNode a = f.arrayNode();
            s.items().forEach(i -> a.add(json(i)));
            return a;
        }
        YamlScalar s = (YamlScalar) node;
        return switch (s.kind()) {
            case NULL -> f.nullNode();
            case BOOL -> f.booleanNode(Boolean.parseBoolean(s.text().toLowerCase(java.util.Locale.ROOT)));
            case INT -> s.integer() == null ? f.textNode(s.text()) : f.numberNode(s.integer());
            case FLOAT -> floating(f, s.text());
            case STRING -> f.textNode(s.text());
        };
    }

    /**
     * A policy file as its readers take it: the policy loader, and the test runner for the
     * policy's own {@code tests:}, whose fields it checks against the test case declaration (the
     * policy loader does not read them). Throws as a loader does.
     */
    public static void loadPolicy(String name, String text) throws InputException {
        PolicyLoader.load(name, text);
        List<Diagnostic> problems = new ArrayList<>();
        YamlNode root = YamlReader.read(name, text, problems).orElseThrow();
        YamlNode tests = root instanceof YamlMapping m ? m.value("tests") : null;
        if (tests == null) return;
        if (!FormCheck.check(new Expect(problems), tests, new Form.ListOf(TestFileForm.testCase(), 0), "`tests`")) {
            throw new InputException(problems);
        }
    }

    private static JsonNode floating(JsonNodeFactory f, String text) {
        try {
            return f.numberNode(new BigDecimal(text));
        } catch (NumberFormatException e) {
            return f.textNode(text); // .inf, .nan: no JSON number; no field takes a fraction anyway
        }
    }
}
