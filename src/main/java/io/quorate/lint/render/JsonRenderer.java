package io.quorate.lint.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quorate.diag.Severity;
import io.quorate.lint.Finding;
import io.quorate.lint.LintRenderer;
import io.quorate.lint.LintReport;
import io.quorate.lint.ResilienceFigure;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The lint report as one JSON document, the form of the format contract:
 * {@code {"findings": [...], "summary": {...}, "figures": [...], "policy_revision": "..."}}.
 */
public final class JsonRenderer implements LintRenderer {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public String render(LintReport report) {
        try {
            return MAPPER.writeValueAsString(toJson(report)) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectNode toJson(LintReport report) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode findings = root.putArray("findings");
        Rendering.sorted(report).forEach(f -> findings.add(finding(f, report.idsOf(f))));
        ObjectNode summary = root.putObject("summary");
        for (Severity s : Severity.values()) summary.put(s.label(), report.count(s));
        summary.put("suppressed", report.suppressedCount());
        summary.put("checks", report.checks().size());
        ArrayNode figures = root.putArray("figures");
        report.figures().forEach(fig -> figures.add(figure(fig)));
        root.put("policy_revision", report.policyRevision());
        return root;
    }

    private static ObjectNode finding(Finding f, Map<String, String> ids) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("id", f.id());
        o.put("severity", f.severity().label());
        o.put("category", f.category());
        o.put("account", f.account());
        o.put("authority", f.authority());
        o.put("message", f.message());
        o.put("help", f.help());
        o.put("file", Rendering.file(f));
        o.put("line", Rendering.line(f));
        o.put("column", Rendering.column(f));
        o.put("docs", Rendering.docPage(f));
        o.put("suppressed", f.suppressed());
        if (f.suppressed()) o.put("suppression_reason", f.suppressionReason());
        if (!ids.isEmpty()) {
            ObjectNode idNode = o.putObject("ids");
            ids.forEach(idNode::put);
        }
        return o;
    }

    private static ObjectNode figure(ResilienceFigure fig) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("account", fig.account());
        o.put("authority", fig.authority());
        o.put("kind", fig.kind());
        ArrayNode keys = o.putArray("keys");
        fig.keys().forEach(keys::add);
        o.put("min_signers", fig.minSigners());
        o.put("max_key_loss", fig.maxKeyLoss());
        o.put("exact", fig.exact());
        o.put("summary", fig.summary());
        return o;
    }
}
