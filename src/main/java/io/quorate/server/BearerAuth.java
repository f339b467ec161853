package io.quorate.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

/**
 * Bearer tokens read from a file: one token a line, blank lines and {@code #} comments ignored,
 * so a token can be rotated by listing the new one next to the old. Tokens are compared by their
 * SHA-256 digests in constant time.
 */
final class BearerAuth {

    private final List<byte[]> digests;

    private BearerAuth(List<byte[]> digests) {
        this.digests = digests;
    }

    static BearerAuth fromFile(Path file) throws IOException {
        List<byte[]> digests = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .map(BearerAuth::digest)
                .toList();
        if (digests.isEmpty()) throw new IOException(file + ": the token file holds no token");
        return new BearerAuth(digests);
    }

    /** Throws a 401 failure unless the request carries one of the tokens. */
    void check(Request request) {
        String header = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            throw ApiError.of(401, ErrorCode.MISSING_TOKEN, "this endpoint needs a bearer token: send `Authorization: Bearer TOKEN`").failure();
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw ApiError.of(401, ErrorCode.INVALID_TOKEN, "the `Authorization` header is not a bearer token").failure();
        }
        byte[] presented = digest(header.substring(7).strip());
        boolean match = false;
        for (byte[] d : digests) match |= MessageDigest.isEqual(d, presented);
        if (!match) throw ApiError.of(401, ErrorCode.INVALID_TOKEN, "the bearer token is not valid").failure();
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
