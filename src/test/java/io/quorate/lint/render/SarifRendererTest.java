package io.quorate.lint.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.quorate.diag.Severity;
import io.quorate.diag.SourceLocation;
import io.quorate.lint.Finding;
import io.quorate.lint.LintReport;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SarifRendererTest {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static JsonSchema schema;

    @BeforeAll
    static void loadSchema() throws Exception {
        try (InputStream in = SarifRendererTest.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
            if (in == null) throw new AssertionError("sarif/sarif-schema-2.1.0.json is not on the test classpath");
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in, config);
        }
    }

    static JsonNode render(LintReport report) throws Exception {
        return MAPPER.readTree(new SarifRenderer().render(report));
    }

    static JsonNode run(LintReport report) throws Exception {
        return render(report).get("runs").get(0);
    }

    static JsonNode resultFor(JsonNode run, String ruleId) {
        for (JsonNode r : run.get("results")) if (r.get("ruleId").asText().equals(ruleId)) return r;
        throw new AssertionError("no result for " + ruleId);
    }

    @Test
    void the_log_is_valid_against_the_sarif_2_1_0_schema() throws Exception {
        Set<ValidationMessage> errors = schema.validate(render(Reports.sample()));
        assertTrue(errors.isEmpty(), errors.toString());
    }

    @Test
    void logs_with_uris_odd_paths_and_no_findings_are_valid_too() throws Exception {
        SarifRenderer withUris = new SarifRenderer("0.1.0", URI.create("https://example.org/quorate"), URI.create("https://example.org/quorate/"));
        LintReport odd = Reports.of(Reports.warningAt("policies/odd name, 100%.yaml", "text with\nnew line"),
                Reports.warningAt(Path.of("policies", "ü.yaml").toAbsolutePath().toString(), "absolute"),
                Reports.warningAt("/elsewhere/outside.yaml", "outside the working directory"));
        for (String log : new String[] {withUris.render(Reports.sample()), new SarifRenderer().render(odd), new SarifRenderer().render(Reports.empty())}) {
            Set<ValidationMessage> errors = schema.validate(MAPPER.readTree(log));
            assertTrue(errors.isEmpty(), errors + "\n" + log);
        }
    }

    @Test
    void the_schema_check_rejects_a_log_that_breaks_it() throws Exception {
        ObjectNode log = (ObjectNode) render(Reports.sample());
        ((ObjectNode) log.get("runs").get(0).get("results").get(0)).put("level", "fatal");
        assertFalse(schema.validate(log).isEmpty());
    }

    @Test
    void the_log_names_its_schema_version_and_tool() throws Exception {
        JsonNode log = render(Reports.sample());
        assertEquals("2.1.0", log.get("version").asText());
        assertTrue(log.get("$schema").asText().endsWith("sarif-schema-2.1.0.json"));
        assertEquals(1, log.get("runs").size());
        JsonNode driver = log.get("runs").get(0).get("tool").get("driver");
        assertEquals("quorate", driver.get("name").asText());
        assertTrue(driver.get("semanticVersion").asText().matches("\\d+\\.\\d+\\.\\d+.*"));
    }

    @Test
    void there_is_one_rule_per_check_with_its_metadata() throws Exception {
        JsonNode rules = run(Reports.sample()).get("tool").get("driver").get("rules");
        assertEquals(4, rules.size());
        JsonNode rule = rules.get(0);
        assertEquals("single-key-authority", rule.get("id").asText());
        assertEquals("SingleKeyAuthority", rule.get("name").asText());
        assertEquals("one key alone satisfies the authority", rule.get("shortDescription").get("text").asText());
        assertTrue(rule.get("fullDescription").get("text").asText().contains("raise the threshold"));
        assertTrue(rule.get("help").get("text").asText().contains("docs/checks/single-key-authority.md"));
        assertTrue(rule.get("help").get("markdown").asText().contains("[docs/checks/single-key-authority.md]"));
        assertEquals("error", rule.get("defaultConfiguration").get("level").asText());
        assertEquals("security", rule.get("properties").get("tags").get(0).asText());
        assertEquals("docs/checks/single-key-authority.md", rule.get("properties").get("docs").asText());
        assertEquals("note", rules.get(3).get("defaultConfiguration").get("level").asText());
        assertFalse(rule.has("helpUri"));
    }

    @Test
    void a_docs_base_gives_each_rule_an_absolute_help_uri() throws Exception {
        String log = new SarifRenderer("1.2.3", URI.create("https://example.org/q"), URI.create("https://example.org/q/blob/main/")).render(Reports.sample());
        JsonNode driver = MAPPER.readTree(log).get("runs").get(0).get("tool").get("driver");
        assertEquals("https://example.org/q", driver.get("informationUri").asText());
        assertEquals("1.2.3", driver.get("semanticVersion").asText());
        assertEquals("https://example.org/q/blob/main/docs/checks/single-key-authority.md", driver.get("rules").get(0).get("helpUri").asText());
    }

    @Test
    void a_result_points_at_its_rule_file_line_and_column() throws Exception {
        JsonNode run = run(Reports.sample());
        JsonNode r = resultFor(run, "unreachable-threshold");
        int index = r.get("ruleIndex").asInt();
        assertEquals("unreachable-threshold", run.get("tool").get("driver").get("rules").get(index).get("id").asText());
        assertEquals("error", r.get("level").asText());
        assertTrue(r.get("message").get("text").asText().startsWith("account `vault`: authority `admin`: threshold 5 exceeds total weight 1"));
        JsonNode physical = r.get("locations").get(0).get("physicalLocation");
        assertEquals("policies/treasury.yaml", physical.get("artifactLocation").get("uri").asText());
        assertEquals(11, physical.get("region").get("startLine").asInt());
        assertEquals(2, physical.get("region").get("startColumn").asInt());
    }

    @Test
    void a_finding_on_line_zero_points_at_the_file_only() throws Exception {
        JsonNode physical = resultFor(run(Reports.sample()), "key-reuse").get("locations").get(0).get("physicalLocation");
        assertEquals("policies/treasury.yaml", physical.get("artifactLocation").get("uri").asText());
        assertFalse(physical.has("region"));
        assertEquals("note", resultFor(run(Reports.sample()), "key-reuse").get("level").asText());
    }

    @Test
    void a_suppressed_finding_is_a_result_suppressed_in_source_with_its_reason() throws Exception {
        JsonNode run = run(Reports.sample());
        JsonNode s = resultFor(run, "weak-owner").get("suppressions");
        assertEquals(1, s.size());
        assertEquals("inSource", s.get(0).get("kind").asText());
        assertEquals("the owner key is in a vault, reviewed 2026-01", s.get(0).get("justification").asText());
        assertFalse(resultFor(run, "single-key-authority").has("suppressions"));
    }

    @Test
    void file_paths_become_relative_uris_with_forward_slashes() throws Exception {
        String windows = "policies\\team a\\treasury.yaml";
        String absolute = Path.of("policies", "nested", "x.yaml").toAbsolutePath().toString();
        JsonNode run = run(Reports.of(Reports.warningAt(windows, "a"), Reports.warningAt(absolute, "b")));
        assertEquals("policies/nested/x.yaml", run.get("results").get(0).get("locations").get(0)
                .get("physicalLocation").get("artifactLocation").get("uri").asText());
        assertEquals("policies/team%20a/treasury.yaml", run.get("results").get(1).get("locations").get(0)
                .get("physicalLocation").get("artifactLocation").get("uri").asText());
    }

    @Test
    void the_fingerprint_follows_check_account_and_authority_not_the_line() {
        Finding here = Reports.singleKey();
        Finding moved = new Finding(here.id(), here.severity(), here.category(), here.account(), here.authority(),
                "reworded", here.help(), new SourceLocation(Reports.FILE, 40, 1), false, null);
        Finding other = new Finding(here.id(), Severity.ERROR, here.category(), here.account(), "owner",
                here.message(), here.help(), here.at(), false, null);
        assertEquals(SarifRenderer.fingerprint(here), SarifRenderer.fingerprint(moved));
        assertNotEquals(SarifRenderer.fingerprint(here), SarifRenderer.fingerprint(other));
        assertTrue(SarifRenderer.fingerprint(here).matches("[0-9a-f]{64}"));
    }

    @Test
    void every_result_carries_the_fingerprint() throws Exception {
        for (JsonNode r : run(Reports.sample()).get("results")) {
            assertTrue(r.get("partialFingerprints").get(SarifRenderer.FINGERPRINT).asText().matches("[0-9a-f]{64}"));
        }
    }

    @Test
    void a_finding_of_a_check_not_listed_still_gets_a_rule() throws Exception {
        Finding stray = new Finding("new-check", Severity.WARNING, "misc", "vault", null, "something", null,
                new SourceLocation(Reports.FILE, 2, 1), false, null);
        JsonNode run = run(Reports.of(stray));
        JsonNode rules = run.get("tool").get("driver").get("rules");
        JsonNode result = run.get("results").get(0);
        assertEquals("new-check", rules.get(result.get("ruleIndex").asInt()).get("id").asText());
        assertEquals(5, rules.size());
    }
}
