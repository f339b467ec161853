package io.quorate.server;

import static io.quorate.server.TestServer.TRANSFER;
import static io.quorate.server.TestServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Collections;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS from a PKCS12 keystore, and the per-request time limit. */
class ServerTlsTest {

    @TempDir
    Path dir;

    @Test
    void serves_https_from_a_keystore_and_stops_batches_at_the_time_limit() throws Exception {
        Path keystore = dir.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "quorate", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        assertEquals(0, keytool.waitFor(), output);

        Path policy = Files.createDirectories(dir.resolve("policy"));
        try (TestServer s = TestServer.over(policy, 40, o -> o.withTls(keystore, "PKCS12", "changeit")
                .withLimits(8L << 20, 100_000, Duration.ofMillis(1)))) {
            assertEquals("https", s.base.getScheme());
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            try (var in = Files.newInputStream(keystore)) {
                trusted.load(in, "changeit".toCharArray());
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trusted);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, tmf.getTrustManagers(), null);
            HttpClient client = HttpClient.newBuilder().sslContext(tls).version(HttpClient.Version.HTTP_1_1).build();

            HttpResponse<String> health = client.send(HttpRequest.newBuilder(s.base.resolve("/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode(), health.body());

            String batch = "[" + String.join(",", Collections.nCopies(5_000, TRANSFER)) + "]";
            HttpResponse<String> slow = client.send(HttpRequest.newBuilder(s.base.resolve("/v1/authorize/batch"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(batch)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(503, slow.statusCode(), slow.body());
            assertEquals("deadline-exceeded", json(slow).get("code").asText());
            assertTrue(json(slow).get("message").asText().contains("time limit"));
        }
    }
}
