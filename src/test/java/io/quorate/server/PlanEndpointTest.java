package io.quorate.server;

import static io.quorate.server.TestServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code POST /v1/plan} checks a change plan against the revision being served, as `quorate plan` does. */
class PlanEndpointTest {

    /** Raises test.auth's active threshold beyond what its keys can reach. */
    static final String IMPOSSIBLE_ACTIVE = """
            quorate: 1
            account: test.auth
            steps:
              - id: active-impossible
                op: account_update
                active: {threshold: 60, keys: [{key: ops_lead, weight: 25}, {key: treasurer, weight: 25}]}
                signatures: [ops_lead, treasurer]
            """;

    @TempDir
    Path dir;

    @Test
    void a_plan_that_makes_an_authority_impossible_is_unsafe() throws Exception {
        try (TestServer s = TestServer.over(Files.createDirectories(dir.resolve("p")), 40, o -> o)) {
            HttpResponse<String> r = s.post("/v1/plan", TestServer.JSON.writeValueAsString(Map.of("plan", IMPOSSIBLE_ACTIVE)));
            assertEquals(200, r.statusCode(), r.body());
            JsonNode answer = json(r);
            assertTrue(answer.get("policy_revision").asText().startsWith("sha256:"), r.body());
            assertEquals("unsafe", answer.get("summary").get("verdict").asText(), r.body());
            assertEquals("active-impossible", answer.get("steps").get(0).get("id").asText());
            assertEquals("unsafe", answer.get("steps").get(0).get("verdict").asText());
        }
    }

    @Test
    void a_broken_plan_answers_its_problems_with_their_places() throws Exception {
        try (TestServer s = TestServer.over(Files.createDirectories(dir.resolve("p")), 40, o -> o)) {
            HttpResponse<String> r = s.post("/v1/plan", "{\"plan\":\"quorate: 1\\naccount: test.auth\\nsteps:\\n  - {op: fly}\\n\"}");
            assertEquals(400, r.statusCode(), r.body());
            JsonNode e = json(r);
            assertEquals("invalid-plan", e.get("code").asText(), r.body());
            assertTrue(e.get("errors").get(0).has("line"), r.body());
        }
    }
}
