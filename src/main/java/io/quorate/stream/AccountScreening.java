package io.quorate.stream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.quorate.diag.Severity;
import io.quorate.lint.Finding;
import io.quorate.lint.LintReport;
import io.quorate.lint.ResilienceFigure;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * One account's screening, as the screening topic holds it: its lint findings (the fields of
 * {@code lint --format json}, without locations in the imported text nobody wrote), its
 * resilience figures, a summary by severity, the revision of the record's imported configuration
 * (the same configuration always has the same one, wherever it sits in the topic), and the record it came from.
 */
record AccountScreening(String account, String chain, List<Finding> findings, List<ResilienceFigure> figures,
                        String configRevision, String source) {

    private static final JsonFactory FACTORY = new JsonFactory();

    static AccountScreening of(String account, String chain, LintReport report, String source) {
        return new AccountScreening(account, chain,
                report.findings().stream().filter(f -> account.equals(f.account())).toList(),
                report.figures().stream().filter(f -> account.equals(f.account())).toList(),
                report.policyRevision(), source);
    }

    String json() {
        StringWriter out = new StringWriter(1024);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("account", account);
            g.writeStringField("chain", chain);
            g.writeArrayFieldStart("findings");
            for (Finding f : findings) finding(g, f);
            g.writeEndArray();
            g.writeObjectFieldStart("summary");
            for (Severity s : Severity.values()) {
                g.writeNumberField(s.label(), findings.stream().filter(f -> !f.suppressed() && f.severity() == s).count());
            }
            g.writeEndObject();
            g.writeArrayFieldStart("figures");
            for (ResilienceFigure f : figures) figure(g, f);
            g.writeEndArray();
            g.writeStringField("config_revision", configRevision);
            g.writeStringField("source", source);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void finding(JsonGenerator g, Finding f) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", f.id());
        g.writeStringField("severity", f.severity().label());
        g.writeStringField("category", f.category());
        g.writeStringField("authority", f.authority());
        g.writeStringField("message", f.message());
        g.writeStringField("help", f.help());
        g.writeStringField("docs", "docs/checks/" + f.id() + ".md");
        g.writeEndObject();
    }

    private static void figure(JsonGenerator g, ResilienceFigure f) throws IOException {
        g.writeStartObject();
        g.writeStringField("authority", f.authority());
        g.writeStringField("kind", f.kind());
        g.writeArrayFieldStart("keys");
        for (String k : f.keys()) g.writeString(k);
        g.writeEndArray();
        g.writeNumberField("min_signers", f.minSigners());
        g.writeNumberField("max_key_loss", f.maxKeyLoss());
        g.writeBooleanField("exact", f.exact());
        g.writeStringField("summary", f.summary());
        g.writeEndObject();
    }
}
