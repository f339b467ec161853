package io.quorate.plan;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/** A plan's report as JSON lines: one object per step, then the summary (field names from the formats page). */
public final class PlanJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PlanJson() {
    }

    public static List<String> lines(PlanReport report) {
        List<String> out = new ArrayList<>();
        for (StepReport s : report.steps()) out.add(step(s).toString());
        out.add(JSON.createObjectNode().set("summary", summary(report)).toString());
        return out;
    }

    /** The whole report as one object: {@code {"steps": [...], "summary": {...}}}, as the service answers. */
    public static ObjectNode document(PlanReport report) {
        ObjectNode o = JSON.createObjectNode();
        report.steps().forEach(s -> o.withArray("steps").add(step(s)));
        if (report.steps().isEmpty()) o.putArray("steps");
        o.set("summary", summary(report));
        return o;
    }

    static ObjectNode step(StepReport s) {
        ObjectNode o = JSON.createObjectNode();
        o.put("step", s.step().index());
        o.put("id", s.step().id());
        o.put("op", s.step().op());
        o.put("account", s.step().account());
        if (s.step().deploy() != null) o.put("deploy", s.step().deploy());
        // A diff's steps have no known signers: their authorization is not judged.
        if (s.step().signed()) o.put("authorized", s.authorized());
        else o.putNull("authorized");
        o.put("accepted", s.accepted());
        o.put("error", s.error() == null ? null : s.error().name());
        o.set("findings_added", findings(s.findingsAdded()));
        o.set("findings_removed", findings(s.findingsRemoved()));
        ObjectNode figures = o.putObject("figures");
        for (Figure f : s.figures()) {
            ObjectNode fo = figures.putObject(f.authority());
            pair(fo.putArray("min_signers"), f.minSignersBefore(), f.minSignersAfter());
            pair(fo.putArray("max_key_loss"), f.maxKeyLossBefore(), f.maxKeyLossAfter());
        }
        o.put("verdict", s.verdict().label());
        o.put("message", s.why());
        return o;
    }

    static ObjectNode summary(PlanReport r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("verdict", r.verdict());
        o.put("steps", r.steps().size());
        o.put("rejected", r.count(StepReport.Verdict.REJECTED));
        o.put("unsafe", r.count(StepReport.Verdict.UNSAFE));
        if (r.reorder() == null) o.putNull("reorder");
        else r.reorder().forEach(o.putArray("reorder")::add);
        return o;
    }

    private static ArrayNode findings(List<FindingId> ids) {
        ArrayNode a = JSON.createArrayNode();
        for (FindingId f : ids) a.addObject().put("check", f.check()).put("subject", f.subject());
        return a;
    }

    private static void pair(ArrayNode a, Integer before, Integer after) {
        if (before == null) a.addNull();
        else a.add(before);
        if (after == null) a.addNull();
        else a.add(after);
    }
}
