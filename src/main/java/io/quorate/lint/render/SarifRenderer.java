package io.quorate.lint.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quorate.diag.Severity;
import io.quorate.lint.CheckInfo;
import io.quorate.lint.Finding;
import io.quorate.lint.LintRenderer;
import io.quorate.lint.LintReport;
import io.quorate.version.QuorateVersion;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The lint report as a SARIF 2.1.0 log with one run, in the subset GitHub code scanning reads:
 * one rule per check, one result per finding, suppressed findings marked as suppressed in source.
 */
public final class SarifRenderer implements LintRenderer {

    public static final String SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    /** The key of the fingerprint in {@code partialFingerprints}; the suffix versions how it is computed. */
    public static final String FINGERPRINT = "quorateFinding/v1";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final String version;
    private final URI informationUri;
    private final URI docsBase;

    /** Quorate's own version, no project page, and doc pages given as relative paths only. */
    public SarifRenderer() {
        this(QuorateVersion.version(), null, null);
    }

    /**
     * @param informationUri the tool's home page, or null to leave it out
     * @param docsBase an absolute URI the doc pages ({@code docs/checks/<id>.md}) resolve against for
     *     {@code helpUri}, or null to give the page only as a relative path in the rule's properties
     */
    public SarifRenderer(String version, URI informationUri, URI docsBase) {
        this.version = Objects.requireNonNull(version);
        this.informationUri = informationUri;
        this.docsBase = docsBase;
    }

    @Override
    public String render(LintReport report) {
        try {
            return MAPPER.writeValueAsString(toJson(report)) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ObjectNode toJson(LintReport report) {
        List<CheckInfo> rules = Rendering.checks(report);
        List<String> ruleIds = rules.stream().map(CheckInfo::id).toList();

        ObjectNode log = MAPPER.createObjectNode();
        log.put("$schema", SCHEMA);
        log.put("version", "2.1.0");
        ObjectNode run = log.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "quorate");
        if (informationUri != null) driver.put("informationUri", informationUri.toString());
        driver.put("semanticVersion", version);
        driver.put("version", version);
        ArrayNode ruleArray = driver.putArray("rules");
        rules.forEach(c -> ruleArray.add(rule(c)));

        ArrayNode results = run.putArray("results");
        for (Finding f : Rendering.sorted(report)) results.add(result(f, ruleIds.indexOf(f.id())));
        run.put("columnKind", "utf16CodeUnits");
        if (report.policyRevision() != null) run.putObject("properties").put("policyRevision", report.policyRevision());
        return log;
    }

    private ObjectNode rule(CheckInfo c) {
        ObjectNode r = MAPPER.createObjectNode();
        r.put("id", c.id());
        r.put("name", pascalCase(c.id()));
        String summary = Objects.toString(c.summary(), c.id());
        r.putObject("shortDescription").put("text", summary);
        String help = c.help() == null || c.help().isBlank() ? null : c.help();
        r.putObject("fullDescription").put("text", help == null ? summary : summary + "\n\n" + help);
        String page = Rendering.docPage(c);
        ObjectNode h = r.putObject("help");
        h.put("text", (help == null ? summary : help) + "\n\nsee " + page);
        h.put("markdown", (help == null ? summary : help) + "\n\nSee [" + page + "](" + page + ").");
        if (docsBase != null) r.put("helpUri", docsBase.resolve(page).toString());
        r.putObject("defaultConfiguration").put("level", level(c.severity()));
        ObjectNode props = r.putObject("properties");
        ArrayNode tags = props.putArray("tags");
        if (c.category() != null) tags.add(c.category());
        props.put("docs", page);
        return r;
    }

    private static ObjectNode result(Finding f, int ruleIndex) {
        ObjectNode r = MAPPER.createObjectNode();
        r.put("ruleId", f.id());
        r.put("ruleIndex", ruleIndex);
        r.put("level", level(f.severity()));
        String text = Rendering.contextMessage(f);
        if (f.help() != null && !f.help().isBlank()) text += "\nhelp: " + f.help();
        r.putObject("message").put("text", text);
        String file = Rendering.file(f);
        if (file != null) {
            ObjectNode physical = r.putArray("locations").addObject().putObject("physicalLocation");
            physical.putObject("artifactLocation").put("uri", Rendering.uri(file));
            if (Rendering.line(f) > 0) {
                ObjectNode region = physical.putObject("region");
                region.put("startLine", Rendering.line(f));
                if (Rendering.column(f) > 0) region.put("startColumn", Rendering.column(f));
            }
        }
        r.putObject("partialFingerprints").put(FINGERPRINT, fingerprint(f));
        if (f.suppressed()) {
            ObjectNode s = r.putArray("suppressions").addObject();
            s.put("kind", "inSource");
            s.put("status", "accepted");
            if (f.suppressionReason() != null) s.put("justification", f.suppressionReason());
        }
        ObjectNode props = r.putObject("properties");
        if (f.account() != null) props.put("account", f.account());
        if (f.authority() != null) props.put("authority", f.authority());
        if (f.category() != null) props.put("category", f.category());
        return r;
    }

    static String level(Severity s) {
        return switch (s) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }

    /**
     * A hash of what identifies a finding apart from where it is (check, account, authority), so that
     * code scanning follows it across edits that move lines; a load error's file and message too.
     */
    static String fingerprint(Finding f) {
        String key = f.id() + "\u0000" + Objects.toString(f.account(), "") + "\u0000" + Objects.toString(f.authority(), "");
        // a load error names no account: its file and message tell two apart
        if (LoadErrors.CATEGORY.equals(f.category())) key += "\u0000" + Objects.toString(Rendering.file(f), "") + "\u0000" + f.message();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** {@code single-key-authority} becomes {@code SingleKeyAuthority}, the form SARIF suggests for rule names. */
    static String pascalCase(String id) {
        StringBuilder s = new StringBuilder();
        for (String part : id.split("[^A-Za-z0-9]+")) {
            if (part.isEmpty()) continue;
            s.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
        }
        return s.length() == 0 ? id : s.toString();
    }
}
