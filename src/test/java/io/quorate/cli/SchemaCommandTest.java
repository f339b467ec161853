package io.quorate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaCommandTest {

    @Test
    void prints_the_schema_shipped_under_docs() throws Exception {
        for (String document : new String[] {"policy", "transaction", "plan", "test"}) {
            CommandLineTest.Run r = CommandLineTest.run("schema", document);
            assertEquals(0, r.exit(), r.err());
            assertEquals(Files.readString(Path.of("docs/schema", document + ".schema.json"), StandardCharsets.UTF_8), r.out());
        }
    }

    @Test
    void an_unknown_document_is_bad_input_and_names_the_documents() {
        CommandLineTest.Run r = CommandLineTest.run("schema", "policies");
        assertEquals(2, r.exit());
        assertEquals("error: unknown document `policies`: expected one of policy, transaction, plan, test\n", r.err());
    }

    @Test
    void without_a_document_it_says_which_there_are() {
        CommandLineTest.Run r = CommandLineTest.run("schema");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("policy, transaction, plan, test"), r.err());
    }

    @Test
    void writes_every_schema_into_a_folder(@TempDir Path dir) throws Exception {
        CommandLineTest.Run r = CommandLineTest.run("schema", "--write", dir.toString());
        assertEquals(0, r.exit(), r.err());
        for (String document : new String[] {"policy", "transaction", "plan", "test"}) {
            assertEquals(Files.readString(Path.of("docs/schema", document + ".schema.json"), StandardCharsets.UTF_8),
                    Files.readString(dir.resolve(document + ".schema.json"), StandardCharsets.UTF_8));
        }
    }
}
