package io.quorate.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.quorate.transaction.ActionRequest;
import io.quorate.transaction.Transaction;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes a generated policy and its traffic as files the command line reads, so another build (an
 * earlier release, say) can be timed on exactly the same input: {@code policy/*.yaml}, one allowed
 * transaction ({@code one.json}) and a batch that cycles through the allowed traffic ({@code batch.json}).
 */
public final class TrafficFiles {

    private TrafficFiles() {
    }

    public static void write(SyntheticPolicy generated, Path dir, int batch) throws IOException {
        Path policy = dir.resolve("policy");
        Files.createDirectories(policy);
        for (Map.Entry<String, String> f : generated.files().entrySet()) Files.writeString(policy.resolve(f.getKey()), f.getValue());
        List<Transaction> allowed = generated.allowed();
        writeJson(dir.resolve("one.json"), List.of(allowed.get(0)));
        List<Transaction> many = new java.util.ArrayList<>(batch);
        for (int i = 0; i < batch; i++) many.add(allowed.get(i % allowed.size()));
        writeJson(dir.resolve("batch.json"), many);
    }

    private static void writeJson(Path file, List<Transaction> txs) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             JsonGenerator g = new JsonFactory().createGenerator(w)) {
            g.writeStartArray();
            int n = 0;
            for (Transaction t : txs) write(g, t, "t" + n++);
            g.writeEndArray();
        }
    }

    private static void write(JsonGenerator g, Transaction t, String id) throws IOException {
        ActionRequest a = t.actions().get(0);
        g.writeStartObject();
        g.writeStringField("id", id);
        g.writeStringField("account", a.account());
        g.writeStringField("action", a.action());
        if (a.authorization() != null) g.writeStringField("authorization", a.authorization());
        if (t.authDescriptor() != null) g.writeStringField("auth_descriptor", t.authDescriptor());
        g.writeArrayFieldStart("signatures");
        for (String s : t.signatures()) g.writeString(s);
        g.writeEndArray();
        if (t.context().blockHeight() != null) {
            g.writeObjectFieldStart("context");
            g.writeNumberField("block_height", t.context().blockHeight());
            g.writeEndObject();
        }
        g.writeEndObject();
    }
}
