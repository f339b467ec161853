package io.quorate.schema;

import io.quorate.testing.TestFileForm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.ValidationMessage;
import io.quorate.diag.Diagnostic;
import io.quorate.diag.InputException;
import io.quorate.plan.PlanLoader;
import io.quorate.policy.PolicyLoader;
import io.quorate.policy.PolicySet;
import io.quorate.transaction.TransactionLoader;
import io.quorate.yaml.Expect;
import io.quorate.yaml.FormCheck;
import io.quorate.yaml.YamlNode;
import io.quorate.yaml.YamlReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The schemas against real files: every file the project ships and the loaders accept validates,
 * and every file of the malformed corpus ({@code src/test/resources/schema/malformed/<document>/})
 * is rejected by the schema and by the loader, with the diagnostic code its first line names
 * ({@code # loader: unknown-field}; plans name the policy they change: {@code # policy: path}).
 */
class SchemaCorpusTest {

    private static final Path MALFORMED = Path.of("src/test/resources/schema/malformed");
    private static final Path VALID = Path.of("src/test/resources/schema/valid");
    private static final Pattern LOADER = Pattern.compile("^# loader: ([a-z-]+)$", Pattern.MULTILINE);
    private static final Pattern POLICY = Pattern.compile("^# policy: (\\S+)$", Pattern.MULTILINE);

    static Stream<Path> policies() throws IOException {
        return Stream.of(files(Path.of("policies")), files(Path.of("examples/plans/start")),
                Stream.of(Path.of("src/test/resources/signed/policy.yaml"))).flatMap(s -> s);
    }

    static Stream<Path> transactionFiles() throws IOException {
        return Stream.concat(files(Path.of("examples")),
                Stream.of("eos", "hive", "casper", "ft4").map(c -> Path.of("src/test/resources/signed", c + ".yaml")));
    }

    static Stream<Path> plans() throws IOException {
        return files(Path.of("examples/plans"));
    }

    static Stream<Path> decisionCases() throws IOException {
        try (Stream<Path> all = Files.walk(Path.of("src/test/resources/cases"))) {
            return all.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    static Stream<Path> malformed(String document) throws IOException {
        return files(MALFORMED.resolve(document));
    }

    static Stream<Path> malformedPolicies() throws IOException {
        return malformed("policy");
    }

    static Stream<Path> malformedTransactions() throws IOException {
        return malformed("transaction");
    }

    static Stream<Path> malformedPlans() throws IOException {
        return malformed("plan");
    }

    static Stream<Path> malformedTests() throws IOException {
        return malformed("test");
    }

    static Stream<Path> validTests() throws IOException {
        return files(VALID.resolve("test"));
    }

    @ParameterizedTest
    @MethodSource("policies")
    void a_policy_the_loader_accepts_validates(Path file) throws Exception {
        PolicyLoader.load(List.of(file));
        assertValid(Schemas.Document.POLICY, file);
    }

    @ParameterizedTest
    @MethodSource("transactionFiles")
    void a_transaction_file_the_loader_accepts_validates(Path file) throws Exception {
        TransactionLoader.load(file);
        assertValid(Schemas.Document.TRANSACTION, file);
    }

    @ParameterizedTest
    @MethodSource("plans")
    void a_plan_the_loader_accepts_validates(Path file) throws Exception {
        PlanLoader.load(file, PolicyLoader.load(List.of(PlanLoader.policyOf(file))));
        assertValid(Schemas.Document.PLAN, file);
    }

    /** The shared decision cases: their policy and each case's candidate transaction. */
    @ParameterizedTest
    @MethodSource("decisionCases")
    void the_decision_cases_policies_and_transactions_validate(Path file) throws Exception {
        JsonNode root = SchemaCheck.json(file.toString(), read(file));
        assertEquals(Set.of(), SchemaCheck.problems(Schemas.Document.POLICY, root.get("policy")), file + ": policy");
        int checked = 0;
        for (JsonNode c : root.get("cases")) {
            if (!c.has("transaction")) continue;
            assertEquals(Set.of(), SchemaCheck.problems(Schemas.Document.TRANSACTION, c.get("transaction")),
                    file + ": case `" + c.path("name").asText() + "`");
            checked++;
        }
        assertTrue(checked > 0, file + " has no transaction cases");
    }

    @ParameterizedTest
    @MethodSource("validTests")
    void a_well_formed_test_file_validates(Path file) throws Exception {
        assertValid(Schemas.Document.TEST, file);
    }

    @ParameterizedTest
    @MethodSource("malformedPolicies")
    void a_malformed_policy_is_rejected_by_the_schema_and_the_loader(Path file) throws Exception {
        String text = read(file);
        assertRejected(Schemas.Document.POLICY, file, text);
        assertLoaderSays(file, text, () -> PolicyLoader.load(file.getFileName().toString(), text));
    }

    @ParameterizedTest
    @MethodSource("malformedTransactions")
    void a_malformed_transaction_file_is_rejected_by_the_schema_and_the_loader(Path file) throws Exception {
        String text = read(file);
        assertRejected(Schemas.Document.TRANSACTION, file, text);
        assertLoaderSays(file, text, () -> TransactionLoader.load(file.getFileName().toString(), text));
    }

    @ParameterizedTest
    @MethodSource("malformedPlans")
    void a_malformed_plan_is_rejected_by_the_schema_and_the_loader(Path file) throws Exception {
        String text = read(file);
        assertRejected(Schemas.Document.PLAN, file, text);
        Matcher policy = POLICY.matcher(text);
        assertTrue(policy.find(), file + ": name the policy the plan changes in a `# policy: path` line");
        PolicySet start = PolicyLoader.load(List.of(Path.of(policy.group(1))));
        assertLoaderSays(file, text, () -> PlanLoader.load(file.getFileName().toString(), text, start));
    }

    /** A test file's fields are checked against its declaration (FormCheck with TestFileForm), as its reader does. */
    @ParameterizedTest
    @MethodSource("malformedTests")
    void a_malformed_test_file_is_rejected_by_the_schema_and_the_field_check(Path file) throws Exception {
        String text = read(file);
        assertRejected(Schemas.Document.TEST, file, text);
        List<Diagnostic> problems = new ArrayList<>();
        YamlNode node = YamlReader.read(file.toString(), text, problems).orElseThrow();
        assertFalse(FormCheck.check(new Expect(problems), node, TestFileForm.document(), "test file"), file + ": the field check accepted it");
    }

    @Test
    void every_document_has_a_malformed_corpus() throws IOException {
        for (Schemas.Document d : Schemas.Document.values()) {
            assertTrue(malformed(d.id()).count() >= 5, "too few malformed " + d.id() + " files");
        }
    }

    private interface Load {
        void run() throws InputException;
    }

    private static void assertLoaderSays(Path file, String text, Load load) {
        Matcher m = LOADER.matcher(text);
        assertTrue(m.find(), file + ": name the loader's diagnostic code in a `# loader: code` line");
        try {
            load.run();
            fail(file + ": the loader accepted it");
        } catch (InputException e) {
            List<String> codes = e.diagnostics().stream().map(Diagnostic::code).toList();
            assertTrue(codes.contains(m.group(1)), file + ": expected `" + m.group(1) + "` from the loader, got "
                    + e.diagnostics().stream().map(Diagnostic::render).toList());
        }
    }

    private static void assertValid(Schemas.Document d, Path file) throws IOException {
        Set<ValidationMessage> problems = SchemaCheck.problems(d, file.toString(), read(file));
        assertEquals(Set.of(), problems, file + " should validate against the " + d.id() + " schema");
    }

    private static void assertRejected(Schemas.Document d, Path file, String text) {
        Set<ValidationMessage> problems = SchemaCheck.problems(d, file.toString(), text);
        assertFalse(problems.isEmpty(), file + " should not validate against the " + d.id() + " schema");
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private static Stream<Path> files(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        try (var list = Files.list(dir)) {
            list.filter(p -> p.toString().endsWith(".yaml") && Files.isRegularFile(p)).sorted().forEach(out::add);
        }
        return out.stream();
    }
}
