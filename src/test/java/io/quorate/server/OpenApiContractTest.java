package io.quorate.server;

import static io.quorate.server.TestServer.TRANSFER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real answers of every endpoint, errors included, validated against {@code docs/openapi.yaml}
 * with a JSON Schema 2020-12 validator (the dialect of OpenAPI 3.1): the schema of the response
 * the document declares for the path, method and status of each answer.
 */
class OpenApiContractTest {

    static final String[] AUTH = {"Authorization", "Bearer contract"};
    static JsonNode spec;
    static JsonSchemaFactory schemas;

    @TempDir
    Path dir;

    private final List<String> failures = new ArrayList<>();
    private final Set<String> covered = new HashSet<>();

    @BeforeAll
    static void load() throws Exception {
        spec = new ObjectMapper(new YAMLFactory()).readTree(Path.of("docs/openapi.yaml").toFile());
        // The document's own top-level fields are not schema keywords: declared as such, not warned about.
        List<com.networknt.schema.Keyword> openApiFields = new ArrayList<>();
        for (String field : new String[] {"openapi", "info", "servers", "security", "paths", "components"}) {
            openApiFields.add(new com.networknt.schema.NonValidationKeyword(field));
        }
        JsonMetaSchema dialect = JsonMetaSchema.builder(JsonMetaSchema.getV202012()).keywords(openApiFields).build();
        schemas = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, b -> b.metaSchema(dialect));
    }

    private static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }

    private static JsonNode at(String pointer) {
        return spec.at(pointer.substring(1));
    }

    /** Validates {@code body} against the schema at {@code pointer} (a fragment of the document). */
    private void validate(String what, String pointer, String body) throws Exception {
        ObjectNode root = spec.deepCopy();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$ref", pointer);
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        Set<ValidationMessage> errors = schemas.getSchema(root, config)
                .validate(TestServer.JSON.readTree(body));
        if (!errors.isEmpty()) failures.add(what + ": " + errors + "\n  " + body.substring(0, Math.min(600, body.length())));
    }

    /** Checks an answer against the response the document declares for it. */
    private void check(String method, String path, HttpResponse<String> r) throws Exception {
        String what = method + " " + path + " " + r.statusCode();
        String operation = "#/paths/" + escape(path) + "/" + method.toLowerCase(java.util.Locale.ROOT);
        String response = operation + "/responses/" + r.statusCode();
        JsonNode declared = at(response);
        if (declared.isMissingNode()) {
            failures.add(what + ": the document declares no such response");
            return;
        }
        if (declared.has("$ref")) {
            response = declared.get("$ref").asText();
            declared = at(response);
        }
        String type = r.headers().firstValue("Content-Type").orElse("");
        covered.add(method + " " + path);
        if (type.startsWith("text/plain")) {
            if (!declared.get("content").has("text/plain")) failures.add(what + ": text/plain is not declared");
            return;
        }
        assertTrue(type.startsWith("application/json"), what + ": " + type);
        validate(what, response + "/content/application~1json/schema", r.body());
    }

    @Test
    void a_reload_refused_for_lint_errors_answers_as_the_openapi_document_says() throws Exception {
        Path tokens = dir.resolve("tokens");
        Files.writeString(tokens, "contract\n");
        Path policy = Files.createDirectories(dir.resolve("strict"));
        try (TestServer s = TestServer.over(policy, 40, o -> o.withTokenFile(tokens).withStrictLint(true))) {
            Files.writeString(policy.resolve("vault.yaml"), ServedLintTest.OPEN);
            HttpResponse<String> refused = s.post("/v1/policy/reload", null, AUTH);
            assertEquals(422, refused.statusCode(), refused.body());
            check("POST", "/v1/policy/reload", refused);
            check("GET", "/v1/policy", s.get("/v1/policy", AUTH));
        }
    }

    @Test
    void every_endpoint_answers_as_the_openapi_document_says() throws Exception {
        Path tokens = dir.resolve("tokens");
        Files.writeString(tokens, "contract\n");
        Path policy = Files.createDirectories(dir.resolve("policy"));
        try (TestServer s = TestServer.over(policy, 40, o -> o.withTokenFile(tokens).withLimits(1 << 20, 5, Duration.ofSeconds(10))
                .withSpending(new ServerOptions.Spending(dir.resolve("spending.db"), ServerOptions.Spending.DEFAULT_RETENTION,
                        ServerOptions.Spending.DEFAULT_PERIODS)))) {
            String deny = TRANSFER;
            String allow = TRANSFER.replace("[\"ops_lead\"]", "[\"ops_lead\",\"treasurer\"]");
            check("POST", "/v1/authorize", s.post("/v1/authorize", allow, AUTH));
            check("POST", "/v1/authorize", s.post("/v1/authorize", deny, AUTH));
            check("POST", "/v1/authorize", s.post("/v1/authorize", "{\"account\":\"nobody\",\"action\":\"x\",\"signatures\":[]}", AUTH));
            check("POST", "/v1/authorize", s.post("/v1/authorize", "{\"account\":1}", AUTH));
            check("POST", "/v1/authorize", s.post("/v1/authorize", "{\"account\":", AUTH));
            check("POST", "/v1/authorize", s.post("/v1/authorize", "{\"account\":\"test.auth\",\"action\":\"transfer\",\"signatures\":[],"
                    + "\"context\":{\"delay_sec\":-5}}", AUTH));
            check("POST", "/v1/authorize", s.post("/v1/authorize", allow.replace("\"signatures\"", "\"approvals\":[\"a@active\"],\"signatures\""), AUTH));
            check("POST", "/v1/authorize", s.post("/v1/authorize", allow, "Content-Type", "text/plain", AUTH[0], AUTH[1]));
            check("POST", "/v1/authorize", s.post("/v1/authorize", allow));
            check("POST", "/v1/authorize", s.post("/v1/authorize", "{\"account\":\"test.auth\",\"action\":\"transfer\",\"signatures\":["
                    + String.join(",", Collections.nCopies(300, "null")) + "]}", AUTH));
            String paying = allow.replace("}", ",\"data\":{\"from\":\"test.auth\",\"to\":\"payee\",\"amount\":\"1.000 HIVE\",\"memo\":\"\"}}");
            check("POST", "/v1/authorize", s.post("/v1/authorize", paying.replace("}}", "},\"record\":true,\"transaction_id\":\"c1\"}"), AUTH));
            check("POST", "/v1/authorize", s.post("/v1/authorize", paying.replace("1.000 HIVE", "2.000 HIVE")
                    .replace("}}", "},\"record\":true,\"transaction_id\":\"c1\"}"), AUTH));
            check("POST", "/v1/authorize", s.post("/v1/authorize", paying.replace("}}", "},\"record\":true}"), AUTH));
            check("POST", "/v1/authorize", s.post("/v1/authorize", paying.replace("}}", "},\"transaction_id\":\"c2\"}"), AUTH));
            check("POST", "/v1/authorize/batch", s.post("/v1/authorize/batch", "[" + allow + "," + deny + "]", AUTH));
            check("POST", "/v1/authorize/batch", s.post("/v1/authorize/batch", "{\"transactions\":[" + allow + "]}", AUTH));
            check("POST", "/v1/authorize/batch", s.post("/v1/authorize/batch", "[" + String.join(",", Collections.nCopies(6, allow)) + "]", AUTH));
            String batchPaying = paying.replace("}}", "},\"record\":true,\"transaction_id\":\"b1\"}");
            check("POST", "/v1/authorize/batch", s.post("/v1/authorize/batch", "[" + batchPaying + "," + allow + "]", AUTH));
            check("POST", "/v1/authorize/batch", s.post("/v1/authorize/batch", "[" + batchPaying.replace("1.000 HIVE", "2.000 HIVE") + "]", AUTH));
            check("POST", "/v1/authorize/batch", s.post("/v1/authorize/batch", "[" + paying.replace("}}", "},\"record\":true}") + "]", AUTH));
            check("POST", "/v1/lint", s.post("/v1/lint", "{}", AUTH));
            check("POST", "/v1/lint", s.post("/v1/lint", TestServer.JSON.writeValueAsString(
                    java.util.Map.of("policy", TestServer.policy(50), "levels", java.util.Map.of("single-key-control", "error"))), AUTH));
            check("POST", "/v1/lint", s.post("/v1/lint", "{\"policy\":\"quorate: 1\\naccounts: {x: {chain: nope}}\\n\"}", AUTH));
            check("POST", "/v1/lint", s.post("/v1/lint", "{\"colour\":1}", AUTH));
            check("POST", "/v1/plan", s.post("/v1/plan", TestServer.JSON.writeValueAsString(java.util.Map.of("plan",
                    PlanEndpointTest.IMPOSSIBLE_ACTIVE)), AUTH));
            check("POST", "/v1/plan", s.post("/v1/plan", "{\"plan\":\"quorate: 1\\nsteps: 3\\n\"}", AUTH));
            check("POST", "/v1/plan", s.post("/v1/plan", "{\"colour\":1}", AUTH));
            String spend = "{\"account\":\"test.auth\",\"amount\":\"12.500 HIVE\",\"id\":\"tx1#0\"}";
            check("POST", "/v1/spend", s.post("/v1/spend", spend, AUTH));
            check("POST", "/v1/spend", s.post("/v1/spend", spend, AUTH));
            check("POST", "/v1/spend", s.post("/v1/spend", spend.replace("12.500", "13.000"), AUTH));
            check("POST", "/v1/spend", s.post("/v1/spend", "{\"account\":\"test.auth\",\"amount\":12.5,\"id\":\"x\"}", AUTH));
            check("POST", "/v1/spend", s.post("/v1/spend", spend.replace("}", ",\"time\":\"2100-01-01T00:00:00Z\"}").replace("tx1", "tx2"), AUTH));
            check("GET", "/v1/spent", s.get("/v1/spent?account=test.auth&asset=HIVE&period=24h", AUTH));
            check("GET", "/v1/spent", s.get("/v1/spent?account=test.auth&asset=HIVE&period=1h,7d&at="
                    + java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), AUTH));
            check("GET", "/v1/spent", s.get("/v1/spent?account=test.auth&asset=HIVE&period=7d&at=2000-01-01T00:00:00Z", AUTH));
            check("GET", "/v1/spent", s.get("/v1/spent?asset=HIVE", AUTH));
            check("GET", "/v1/policy", s.get("/v1/policy", AUTH));
            check("POST", "/v1/policy/reload", s.post("/v1/policy/reload", null, AUTH));
            check("POST", "/v1/policy/reload", s.post("/v1/policy/reload", null, "Authorization", "Bearer wrong"));
            Files.writeString(policy.resolve("policy.yaml"), TestServer.policy(45));
            check("POST", "/v1/policy/reload", s.post("/v1/policy/reload", null, AUTH));
            Files.writeString(policy.resolve("policy.yaml"), "quorate: 1\naccounts: {a: {chain: hive, active: {threshold: x}}}\n");
            check("POST", "/v1/policy/reload", s.post("/v1/policy/reload", null, AUTH));
            check("GET", "/v1/policy", s.get("/v1/policy", AUTH));
            check("GET", "/v1/openapi.json", s.get("/v1/openapi.json", AUTH));
            // organisation conditions: decisions carry what they concluded
            Files.writeString(policy.resolve("policy.yaml"), TestServer.policy(40) + "    conditions:\n      rules:\n"
                    + "        - {name: cap, when: {action: transfer, amount: {gt: \"100.000 HIVE\"}}, deny: over the cap}\n"
                    + "        - {name: rest, when: {}, allow: true}\n");
            check("POST", "/v1/policy/reload", s.post("/v1/policy/reload", null, AUTH));
            String data = ",\"data\":{\"from\":\"test.auth\",\"to\":\"bob\",\"amount\":\"AMOUNT HIVE\",\"memo\":\"\"}}";
            String conditioned = allow.substring(0, allow.length() - 1) + data;
            HttpResponse<String> capped = s.post("/v1/authorize", conditioned.replace("AMOUNT", "150.000"), AUTH);
            assertTrue(capped.body().contains("\"condition-denied\""), capped.body());
            check("POST", "/v1/authorize", capped);
            check("POST", "/v1/authorize", s.post("/v1/authorize", conditioned.replace("AMOUNT", "5.000"), AUTH));
            check("POST", "/v1/authorize", s.post("/v1/authorize", conditioned.replace("AMOUNT", "5.0"), AUTH));
            check("POST", "/v1/authorize", s.post("/v1/authorize", allow.replace("\"signatures\"", "\"approved_by\":[\"ops_lead\"],\"signatures\""), AUTH));
            check("GET", "/health", s.get("/health"));
            check("GET", "/health/ready", s.get("/health/ready"));
            check("GET", "/health/live", s.get("/health/live"));
            check("GET", "/metrics", s.get("/metrics"));
            HttpResponse<String> missing = s.get("/v2/nothing", AUTH);
            assertEquals(404, missing.statusCode());
            validate("GET /v2/nothing 404", "#/components/schemas/Error", missing.body());
            HttpResponse<String> wrongMethod = s.get("/v1/authorize", AUTH);
            assertEquals(405, wrongMethod.statusCode());
            validate("GET /v1/authorize 405", "#/components/schemas/Error", wrongMethod.body());

            HttpResponse<String> served = s.get("/v1/openapi.json", AUTH);
            assertEquals(spec, TestServer.JSON.readTree(served.body()), "the served document is docs/openapi.yaml");
        }
        Path broken = Files.createDirectories(dir.resolve("broken"));
        Files.writeString(broken.resolve("policy.yaml"), "quorate: 1\naccounts: [\n");
        try (DecisionServer server = DecisionServer.start(ServerOptions.defaults(List.of(broken)).withPort(0))) {
            server.awaitFirstLoad(Duration.ofSeconds(60));
            HttpClient client = HttpClient.newHttpClient();
            check("GET", "/health", client.send(HttpRequest.newBuilder(server.uri().resolve("/health")).build(), HttpResponse.BodyHandlers.ofString()));
            check("POST", "/v1/authorize", client.send(HttpRequest.newBuilder(server.uri().resolve("/v1/authorize"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(TRANSFER)).build(),
                    HttpResponse.BodyHandlers.ofString()));
            check("POST", "/v1/spend", client.send(HttpRequest.newBuilder(server.uri().resolve("/v1/spend"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                            "{\"account\":\"a\",\"amount\":\"1 EOS\",\"id\":\"1\"}")).build(), HttpResponse.BodyHandlers.ofString()));
            check("GET", "/v1/spent", client.send(HttpRequest.newBuilder(server.uri().resolve("/v1/spent?account=a&asset=EOS")).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        // The validator does validate: an answer the document does not allow is caught.
        validate("a made-up error", "#/components/schemas/Error", "{\"code\":\"no-such-code\",\"message\":\"x\",\"errors\":[]}");
        validate("a made-up decision", "#/paths/~1v1~1authorize/post/responses/200/content/application~1json/schema",
                "{\"decision\":\"maybe\"}");
        assertEquals(2, failures.size(), String.join("\n", failures));
        for (var path : (Iterable<java.util.Map.Entry<String, JsonNode>>) spec.get("paths")::fields) {
            for (var method : (Iterable<String>) path.getValue()::fieldNames) {
                assertTrue(covered.contains(method.toUpperCase(java.util.Locale.ROOT) + " " + path.getKey()),
                        "no answer of " + method + " " + path.getKey() + " was checked");
            }
        }
        assertFalse(covered.isEmpty());
    }
}
