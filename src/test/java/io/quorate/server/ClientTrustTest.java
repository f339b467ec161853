package io.quorate.server;

import static io.quorate.server.TestServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the service takes on the client's word: approvals and the time, both off unless the server is told to trust them. */
class ClientTrustTest {

    static final String APPROVED = "{\"account\":\"mymultisig11\",\"action\":\"eosio.token::transfer\","
            + "\"authorization\":\"mymultisig11@active\",\"approvals\":[\"partner22222@active\",\"partner33333@active\"],\"signatures\":[]}";

    /** A generic vault whose spend authority expired at the start of 2020. */
    static final String EXPIRED = "quorate: 1\nkeys:\n  a: {key: key-a}\n  b: {key: key-b}\naccounts:\n  vault:\n    chain: generic\n"
            + "    authorities:\n      spend:\n        threshold: 2\n        keys: [{key: a, weight: 1}, {key: b, weight: 1}]\n"
            + "        valid: {from: 2019-01-01T00:00:00Z, until: 2020-01-01T00:00:00Z}\n    actions: {withdraw: spend}\n";
    static final String IN_2019 = "{\"account\":\"vault\",\"action\":\"withdraw\",\"signatures\":[\"a\",\"b\"],"
            + "\"context\":{\"time\":\"2019-06-01T00:00:00Z\"}}";

    @TempDir
    Path dir;

    private TestServer eos(ServerOptions.Trust trust) throws Exception {
        return new TestServer(ServerOptions.defaults(List.of(Path.of("policies/eos-mymultisig11.yaml"))).withTrust(trust));
    }

    private TestServer vault(ServerOptions.Trust trust) throws Exception {
        Files.writeString(dir.resolve("vault.yaml"), EXPIRED);
        return new TestServer(ServerOptions.defaults(List.of(dir)).withTrust(trust));
    }

    @Test
    void approvals_without_signatures_are_refused_unless_the_server_trusts_them() throws Exception {
        try (TestServer s = eos(ServerOptions.Trust.NONE)) {
            HttpResponse<String> r = s.post("/v1/authorize", APPROVED);
            assertEquals(422, r.statusCode(), r.body());
            JsonNode e = json(r);
            assertEquals("untrusted-approvals", e.get("code").asText());
            assertEquals("/approvals", e.get("errors").get(0).get("field").asText(), e.toString());
            HttpResponse<String> batch = s.post("/v1/authorize/batch", "[" + APPROVED.replace("[]", "[\"partner1_active\"]") + "," + APPROVED + "]");
            assertEquals(422, batch.statusCode(), batch.body());
            assertEquals("/0/approvals", json(batch).get("errors").get(0).get("field").asText(), batch.body());
        }
        try (TestServer s = eos(new ServerOptions.Trust(true, false))) {
            HttpResponse<String> r = s.post("/v1/authorize", APPROVED);
            assertEquals("allow", json(r).get("decision").asText(), r.body());
        }
    }

    @Test
    void a_past_time_from_the_client_revives_no_expired_authority_unless_the_server_trusts_it() throws Exception {
        try (TestServer s = vault(ServerOptions.Trust.NONE)) {
            JsonNode d = json(s.post("/v1/authorize", IN_2019));
            assertEquals("deny", d.get("decision").asText(), d.toString());
            assertEquals("authority-not-valid", d.get("reasons").get(0).get("code").asText(), d.toString());
        }
        try (TestServer s = vault(new ServerOptions.Trust(false, true))) {
            JsonNode d = json(s.post("/v1/authorize", IN_2019));
            assertEquals("allow", d.get("decision").asText(), d.toString());
        }
    }
}
