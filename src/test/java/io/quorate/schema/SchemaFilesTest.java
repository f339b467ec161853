package io.quorate.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The schemas shipped under docs/schema/ are the generator's output, and each is a valid 2020-12 schema. */
class SchemaFilesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @EnumSource(Schemas.Document.class)
    void the_shipped_schema_is_what_the_declarations_render(Schemas.Document d) throws Exception {
        Path file = Path.of("docs/schema", d.fileName());
        assertTrue(Files.exists(file), file + " is missing: run `quorate schema --write docs/schema`");
        assertEquals(d.schema(), Files.readString(file, StandardCharsets.UTF_8),
                file + " differs from what the loaders' declarations render: run `quorate schema --write docs/schema`");
    }

    @ParameterizedTest
    @EnumSource(Schemas.Document.class)
    void the_schema_is_valid_against_the_2020_12_meta_schema(Schemas.Document d) throws Exception {
        JsonNode schema = JSON.readTree(d.schema());
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        Set<ValidationMessage> problems = factory.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema")).validate(schema);
        assertEquals(Set.of(), problems);
    }
}
