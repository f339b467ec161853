package io.quorate.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;

/** A decision server on an ephemeral loopback port, with a plain HTTP client for it. */
final class TestServer implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String HIVE_A = "STM7JNWU2b2DBMp9WZRGHKqE7hQA9MKn2URLBCMfU95p29vzAQn8F";
    static final String HIVE_B = "STM5iLWNocQk8UDUVpuGytJkmLiEuK9XYvyMH3yYRdXhW6qGqbWA4";

    /** One Hive account: ops_lead and treasurer weigh 25 each against {@code threshold}. */
    static String policy(int threshold) {
        return "quorate: 1\nkeys:\n  ops_lead: " + HIVE_A + "\n  treasurer: " + HIVE_B + "\naccounts:\n  test.auth:\n    chain: hive\n"
                + "    active: {threshold: " + threshold + ", keys: [{key: ops_lead, weight: 25}, {key: treasurer, weight: 25}]}\n";
    }

    static final String TRANSFER = "{\"account\":\"test.auth\",\"action\":\"transfer\",\"signatures\":[\"ops_lead\"]}";

    final DecisionServer server;
    final HttpClient client;
    final URI base;

    TestServer(ServerOptions options) throws Exception {
        this.server = DecisionServer.start(options.withPort(0));
        if (!server.awaitFirstLoad(Duration.ofSeconds(60))) throw new IllegalStateException("no policy: " + server.lastReloadError());
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        this.base = server.uri();
    }

    /** A server over a one-file policy of {@code threshold} in {@code dir}, options adjusted by {@code adjust}. */
    static TestServer over(Path dir, int threshold, UnaryOperator<ServerOptions> adjust) throws Exception {
        Path file = dir.resolve("policy.yaml");
        Files.writeString(file, policy(threshold));
        return new TestServer(adjust.apply(ServerOptions.defaults(java.util.List.of(dir))));
    }

    HttpResponse<String> post(String path, String body, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        boolean typed = false;
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
            typed |= headers[i].equalsIgnoreCase("Content-Type");
        }
        if (!typed && body != null) b.header("Content-Type", "application/json");
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).GET();
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> r) throws IOException {
        return JSON.readTree(r.body());
    }

    @Override
    public void close() {
        server.close();
    }
}
