package io.quorate.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;

/** What the stream tests share: the vault policy in two revisions, its transactions as records, a driver's settings. */
final class StreamFixtures {

    static final ObjectMapper JSON = new ObjectMapper();

    /** The 2-of-3 vault; {@code spendThreshold} 2 is the shipped policy, 1 a later revision that lets one custodian withdraw. */
    static String vault(int spendThreshold) throws Exception {
        return Files.readString(Path.of("policies/generic-vault.yaml"))
                .replace("        threshold: 2\n", "        threshold: " + spendThreshold + "\n");
    }

    /** The vault's example transactions, one JSON object each, without their expectations. */
    static List<String> vaultTransactions() throws Exception {
        JsonNode all = new ObjectMapper(new YAMLFactory()).readTree(Path.of("examples/generic-vault.yaml").toFile());
        List<String> out = new ArrayList<>();
        for (JsonNode tx : all) {
            ObjectNode copy = ((ObjectNode) tx).deepCopy();
            copy.remove("expect");
            out.add(JSON.writeValueAsString(copy));
        }
        return out;
    }

    /** The lines {@code quorate authorize --format json} prints for these transactions. */
    static List<JsonNode> authorize(Path policy, List<String> transactions, Path dir) throws Exception {
        Path txFile = dir.resolve("transactions.json");
        Files.writeString(txFile, "[" + String.join(",", transactions) + "]");
        StringWriter out = new StringWriter();
        io.quorate.cli.Main.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "authorize", "--policy",
                policy.toString(), "--format", "json", txFile.toString());
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString().split("\n")) if (!line.isBlank()) lines.add(JSON.readTree(line));
        return lines;
    }

    static Properties driverSettings() {
        Properties p = StreamSettings.defaults();
        p.setProperty(StreamsConfig.APPLICATION_ID_CONFIG, "quorate-test");
        p.setProperty(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
        return p;
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    private StreamFixtures() {
    }
}
