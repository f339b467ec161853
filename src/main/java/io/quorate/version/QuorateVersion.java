package io.quorate.version;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * Quorate's own version, as the build made it: Maven's resource filtering writes the project's
 * version from {@code pom.xml} into {@value #RESOURCE} when it processes the resources, so the
 * same value is found in {@code target/classes} (tests, IDE runs through Maven) and in the jar.
 * Everything that reports the version ({@code quorate --version}, SARIF logs, bench reports) reads
 * it from here; nothing else writes it down.
 */
public final class QuorateVersion {

    /** The class-path resource the build filters. */
    public static final String RESOURCE = "/io/quorate/version/quorate.properties";

    /** Said in place of a version when the resource is missing or was copied unfiltered (a build that skipped Maven). */
    public static final String UNKNOWN = "unknown";

    private static final String VERSION = read();

    private QuorateVersion() {
    }

    /** The project's version, e.g. {@code 0.1.0}; {@link #UNKNOWN} when the build did not write it. */
    public static String version() {
        return VERSION;
    }

    /** The Java runtime this process runs on, e.g. {@code Java 17.0.15 (Debian, OpenJDK 64-Bit Server VM 17.0.15+6-Debian-1deb12u1)}. */
    public static String runtime() {
        return "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ", "
                + System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version") + ")";
    }

    private static String read() {
        try (InputStream in = QuorateVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) return UNKNOWN;
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "").strip();
            return v.isEmpty() || v.contains("${") ? UNKNOWN : v;
        } catch (IOException e) {
            return UNKNOWN;
        }
    }
}
