package io.quorate.plan;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quorate.lint.Finding;

import java.util.List;

/** A diff as one JSON document; its steps use the plan's step fields. */
public final class DiffJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DiffJson() {
    }

    public static String render(DiffReport d) {
        ObjectNode o = JSON.createObjectNode();
        o.put("safe", d.safe());
        ObjectNode accounts = o.putObject("accounts");
        d.accountsAdded().forEach(accounts.putArray("added")::add);
        d.accountsRemoved().forEach(accounts.putArray("removed")::add);
        d.accountsChanged().forEach(accounts.putArray("changed")::add);
        ObjectNode figures = o.putObject("figures");
        for (Figure f : d.figures()) {
            ObjectNode fo = figures.putObject(f.authority());
            pair(fo.putArray("min_signers"), f.minSignersBefore(), f.minSignersAfter());
            pair(fo.putArray("max_key_loss"), f.maxKeyLossBefore(), f.maxKeyLossAfter());
        }
        findings(o.putArray("findings_new"), d.findingsNew());
        findings(o.putArray("findings_fixed"), d.findingsFixed());
        ArrayNode steps = o.putArray("steps");
        d.plan().steps().forEach(s -> steps.add(PlanJson.step(s)));
        o.set("summary", PlanJson.summary(d.plan()));
        return o.toString();
    }

    private static void findings(ArrayNode out, List<Finding> findings) {
        for (Finding f : findings) {
            out.addObject().put("check", f.id()).put("severity", f.severity().label()).put("account", f.account())
                    .put("authority", f.authority()).put("message", f.message());
        }
    }

    private static void pair(ArrayNode a, Integer before, Integer after) {
        if (before == null) a.addNull();
        else a.add(before);
        if (after == null) a.addNull();
        else a.add(after);
    }
}
