package io.quorate.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /v1/openapi.json}: the OpenAPI 3.1 description of this API, {@code docs/openapi.yaml}
 * (packaged with the server), converted to JSON once at start.
 */
final class OpenApiEndpoint {

    static final String RESOURCE = "openapi.yaml";

    private final byte[] document;

    OpenApiEndpoint() {
        this.document = load();
    }

    static byte[] load() {
        try (InputStream in = OpenApiEndpoint.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("the OpenAPI description `" + RESOURCE + "` is missing from the build");
            return Json.MAPPER.writeValueAsBytes(new ObjectMapper(new YAMLFactory()).readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("the OpenAPI description does not parse", e);
        }
    }

    void get(Exchange x) {
        x.send(200, Exchange.JSON, document);
    }
}
