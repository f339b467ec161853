package io.quorate.stream;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The Kafka Streams configuration of an instance: Quorate's defaults (exactly-once processing,
 * a short commit interval so decisions are visible to read-committed consumers quickly), then
 * the command's own defaults, then the properties file (security settings and any other client
 * setting pass through unchanged), then the flags given on the command line, which win.
 */
public final class StreamSettings {

    /** Default commit interval: with exactly-once, output becomes visible at each commit. */
    static final String COMMIT_INTERVAL_MS = "100";

    private StreamSettings() {
    }

    public static Properties of(Map<String, String> defaults, Path file, Map<String, String> flags) throws IOException {
        Properties p = defaults();
        defaults.forEach(p::setProperty);
        if (file != null) {
            Properties fromFile = new Properties();
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                fromFile.load(r);
            }
            p.putAll(fromFile);
        }
        flags.forEach((k, v) -> {
            if (v != null) p.setProperty(k, v);
        });
        return p;
    }

    static Properties defaults() {
        Properties p = new Properties();
        p.setProperty(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.setProperty(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, COMMIT_INTERVAL_MS);
        return p;
    }
}
