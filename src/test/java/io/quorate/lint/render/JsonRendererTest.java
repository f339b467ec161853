package io.quorate.lint.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

class JsonRendererTest {

    static JsonNode render(io.quorate.lint.LintReport report) throws Exception {
        return new ObjectMapper().readTree(new JsonRenderer().render(report));
    }

    @Test
    void the_document_has_findings_summary_figures_and_revision() throws Exception {
        JsonNode doc = render(Reports.sample());
        assertEquals(List.of("findings", "summary", "figures", "policy_revision"), fieldNames(doc));
        assertEquals("sha256:abc123", doc.get("policy_revision").asText());
        assertEquals(4, doc.get("findings").size());
    }

    @Test
    void a_finding_carries_every_contract_field() throws Exception {
        JsonNode f = findingWithId(render(Reports.sample()), "single-key-authority");
        assertEquals("error", f.get("severity").asText());
        assertEquals("security", f.get("category").asText());
        assertEquals("treasury", f.get("account").asText());
        assertEquals("active", f.get("authority").asText());
        assertEquals("account `treasury`: authority `active`: key `k2` alone satisfies threshold 1", f.get("message").asText());
        assertEquals("raise the threshold or give each key less weight", f.get("help").asText());
        assertEquals(Reports.FILE, f.get("file").asText());
        assertEquals(7, f.get("line").asInt());
        assertEquals(7, f.get("column").asInt());
        assertFalse(f.get("suppressed").asBoolean());
        assertFalse(f.has("suppression_reason"));
    }

    @Test
    void a_suppressed_finding_keeps_its_reason() throws Exception {
        JsonNode f = findingWithId(render(Reports.sample()), "weak-owner");
        assertTrue(f.get("suppressed").asBoolean());
        assertEquals("the owner key is in a vault, reviewed 2026-01", f.get("suppression_reason").asText());
    }

    @Test
    void a_finding_about_the_whole_policy_has_null_account_and_authority_and_line_zero() throws Exception {
        JsonNode f = findingWithId(render(Reports.sample()), "key-reuse");
        assertTrue(f.get("account").isNull());
        assertTrue(f.get("authority").isNull());
        assertEquals(0, f.get("line").asInt());
        assertEquals(0, f.get("column").asInt());
        assertEquals("info", f.get("severity").asText());
    }

    @Test
    void the_summary_counts_unsuppressed_findings_by_severity() throws Exception {
        JsonNode s = render(Reports.sample()).get("summary");
        assertEquals(2, s.get("error").asInt());
        assertEquals(0, s.get("warning").asInt());
        assertEquals(1, s.get("info").asInt());
        assertEquals(1, s.get("suppressed").asInt());
        assertEquals(4, s.get("checks").asInt());
    }

    @Test
    void figures_are_written_in_snake_case() throws Exception {
        JsonNode fig = render(Reports.sample()).get("figures").get(0);
        assertEquals(List.of("account", "authority", "kind", "keys", "min_signers", "max_key_loss", "exact", "summary"), fieldNames(fig));
        assertEquals(1, fig.get("min_signers").asInt());
        assertEquals(1, fig.get("max_key_loss").asInt());
        assertEquals("k3", fig.get("keys").get(1).asText());
    }

    @Test
    void findings_are_sorted_by_location() throws Exception {
        List<String> ids = StreamSupport.stream(render(Reports.sample()).get("findings").spliterator(), false)
                .map(f -> f.get("id").asText()).toList();
        assertEquals(List.of("key-reuse", "weak-owner", "single-key-authority", "unreachable-threshold"), ids);
    }

    @Test
    void an_empty_report_is_still_a_full_document() throws Exception {
        JsonNode doc = render(Reports.empty());
        assertEquals(0, doc.get("findings").size());
        assertEquals(0, doc.get("summary").get("error").asInt());
    }

    static JsonNode findingWithId(JsonNode doc, String id) {
        for (JsonNode f : doc.get("findings")) if (f.get("id").asText().equals(id)) return f;
        throw new AssertionError("no finding " + id);
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
