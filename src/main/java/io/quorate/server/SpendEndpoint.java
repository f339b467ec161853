package io.quorate.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quorate.spending.Periods;
import io.quorate.spending.Quantity;
import io.quorate.spending.Spend;
import io.quorate.spending.SpendConflictException;
import io.quorate.spending.SpendingLimits;
import io.quorate.spending.SpendingStore;
import io.quorate.spending.SpendingUnavailableException;
import io.quorate.spending.SpentSum;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Fields;

/**
 * The spending the service keeps ({@code docs/spending.md}). {@code POST /v1/spend} records a
 * confirmed spend {@code {account, asset?, amount, time?, id, periods?}}, once per id, and
 * answers what the account has spent in each period since; {@code GET /v1/spent} answers the
 * same sums for {@code account}, {@code asset}, {@code period} (repeatable) and {@code at}.
 */
final class SpendEndpoint {

    /** How far ahead of the server's clock a spend may be dated (clocks differ a little; a year ahead is a mistake). */
    static final Duration MAX_AHEAD = Duration.ofMinutes(5);
    private static final Set<String> FIELDS = Set.of("account", "asset", "amount", "time", "id", "periods");
    private static final Set<String> PARAMETERS = Set.of("account", "asset", "period", "at");

    private final SpendingLimits limits;
    private final ServerOptions.Spending options;
    private final RequestBody body;
    private final Clock clock;

    SpendEndpoint(SpendingLimits limits, ServerOptions.Spending options, RequestBody body, Clock clock) {
        this.limits = limits;
        this.options = options;
        this.body = body;
        this.clock = clock;
    }

    void record(Exchange x) {
        SpendingStore store = store();
        ObjectNode request = request(x);
        String account = text(request, "account", true);
        String id = text(request, "id", true);
        String asset = text(request, "asset", false);
        JsonNode amountNode = request.get("amount");
        if (amountNode == null || amountNode.isNull()) throw invalid("/amount", "`amount` is missing: write it like `\"12000.0000 EOS\"`");
        if (amountNode.isNumber()) {
            throw invalid("/amount", "`amount` is a string like `\"12000.0000 EOS\"`: a JSON number can lose digits on the way");
        }
        if (!amountNode.isTextual()) throw invalid("/amount", "`amount` is a string like `\"12000.0000 EOS\"`");
        Quantity quantity;
        try {
            quantity = Quantity.parse(amountNode.asText(), asset);
        } catch (IllegalArgumentException e) {
            throw invalid(asset != null && e.getMessage().contains("not in asset") ? "/asset" : "/amount", e.getMessage());
        }
        Instant now = clock.instant();
        Instant time = request.has("time") ? time("/time", text(request, "time", true)) : now;
        List<Duration> periods = request.has("periods") ? periods(request.get("periods")) : options.periods();
        if (time.isAfter(now.plus(MAX_AHEAD))) {
            throw ApiError.of(422, ErrorCode.SPEND_OUT_OF_RANGE, "time `" + time + "` is more than " + MAX_AHEAD.toMinutes()
                    + " minutes ahead of the server's clock (" + now + ")").failure();
        }
        Instant oldest = now.minus(options.retention());
        if (!time.isAfter(oldest)) {
            throw ApiError.of(422, ErrorCode.SPEND_OUT_OF_RANGE, "time `" + time + "` is before the spending kept: spends are kept for "
                    + Periods.format(options.retention()) + ", since " + oldest).failure();
        }
        Spend spend;
        try {
            spend = new Spend(account, quantity.asset(), quantity.amount(), time, id);
        } catch (IllegalArgumentException e) {
            throw invalid("", e.getMessage());
        }
        boolean created;
        Spend kept;
        try {
            created = store.record(spend);
            kept = created ? spend : store.find(account, id).orElse(spend);
        } catch (SpendConflictException e) {
            throw ApiError.of(409, ErrorCode.SPEND_CONFLICT, e.getMessage()).failure();
        }
        ObjectNode answer = Json.MAPPER.createObjectNode();
        answer.put("account", account);
        answer.put("id", id);
        answer.put("asset", kept.asset());
        answer.put("amount", new Quantity(kept.amount(), kept.asset()).toString());
        answer.put("time", kept.time().toString());
        answer.put("recorded", created);
        answer.put("at", now.toString());
        ObjectNode spent = answer.putObject("spent");
        for (Duration p : periods) spent.put(Periods.format(p), format(limits.spent(account, kept.asset(), p, now), kept.amount().scale(), kept.asset()));
        x.json(200, answer);
    }

    void spent(Exchange x) {
        SpendingStore store = store();
        Fields query;
        try {
            query = Request.extractQueryParameters(x.request);
        } catch (RuntimeException e) {
            throw invalidParameter("", "the query is not well formed: " + e.getMessage());
        }
        for (String name : query.getNames()) {
            if (!PARAMETERS.contains(name)) throw invalidParameter(name, "unknown parameter `" + name + "`: expected account, asset, period or at");
        }
        String account = single(query, "account", true);
        String asset = single(query, "asset", true);
        String atText = single(query, "at", false);
        Instant now = clock.instant();
        Instant at = atText == null ? now : time("at", atText);
        Set<Duration> periods = new LinkedHashSet<>();
        for (String value : query.getValuesOrEmpty("period")) {
            for (String one : value.split(",", -1)) {
                try {
                    periods.add(within(Periods.parse(one.strip())));
                } catch (IllegalArgumentException e) {
                    throw invalidParameter("period", e.getMessage());
                }
            }
        }
        if (periods.isEmpty()) periods.addAll(options.periods());
        ObjectNode answer = Json.MAPPER.createObjectNode();
        answer.put("account", account);
        answer.put("asset", asset);
        answer.put("at", at.toString());
        answer.put("later_included", atText == null);
        answer.put("kept_since", store.created().toString());
        ObjectNode spent = answer.putObject("spent");
        ObjectNode count = answer.putObject("count");
        Instant pruned = store.prunedThrough();
        for (Duration p : periods) {
            if (pruned != null && at.minus(p).isBefore(pruned)) {
                throw ApiError.of(422, ErrorCode.SPEND_OUT_OF_RANGE, "the `" + Periods.format(p) + "` before " + at
                        + " reaches back past the spending kept: spends through " + pruned + " were pruned").failure();
            }
        }
        for (Duration p : periods) {
            // Without `at`, the sums are a decision's: later-dated spends count. With it, the window ends at `at`.
            SpentSum sum = store.spent(account, asset, at.minus(p), atText == null ? null : at);
            spent.put(Periods.format(p), format(sum.total(), 0, asset));
            count.put(Periods.format(p), sum.count());
        }
        x.json(200, answer);
    }

    private SpendingStore store() {
        return limits.store().orElseThrow(() -> ApiError.of(501, ErrorCode.SPENDING_DISABLED,
                "the server keeps no spending: start it with `--spending-db PATH`").failure());
    }

    /** Runs {@code endpoint}, answering a failing store with 503. */
    static Router.Endpoint guarded(Router.Endpoint endpoint) {
        return x -> {
            try {
                endpoint.handle(x);
            } catch (SpendingUnavailableException e) {
                throw ApiError.of(503, ErrorCode.SPENDING_UNAVAILABLE, e.getMessage()).failure();
            }
        };
    }

    private Duration within(Duration period) {
        if (period.compareTo(options.retention()) > 0) {
            throw new IllegalArgumentException("period `" + Periods.format(period) + "` is longer than the spending kept ("
                    + Periods.format(options.retention()) + ")");
        }
        return period;
    }

    private List<Duration> periods(JsonNode node) {
        if (!(node instanceof ArrayNode a) || a.isEmpty()) throw invalid("/periods", "`periods` is a list of periods like `[\"24h\", \"7d\"]`");
        Set<Duration> out = new LinkedHashSet<>();
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).isTextual()) throw invalid("/periods/" + i, "a period is a string like `24h`");
            try {
                out.add(within(Periods.parse(a.get(i).asText())));
            } catch (IllegalArgumentException e) {
                throw invalid("/periods/" + i, e.getMessage());
            }
        }
        return new ArrayList<>(out);
    }

    /** {@code total} in the asset, with at least {@code scale} decimals: {@code "45000.0000 EOS"}. */
    static String format(BigDecimal total, int scale, String asset) {
        return total.setScale(Math.max(scale, Math.max(0, total.scale()))).toPlainString() + " " + asset;
    }

    private static Instant time(String where, String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            String message = "`" + text + "` is not a time like `2026-12-02T15:00:00Z`";
            throw where.startsWith("/") ? invalid(where, message) : invalidParameter(where, message);
        }
    }

    private ObjectNode request(Exchange x) {
        JsonNode node = body.tree(x);
        if (!(node instanceof ObjectNode o)) {
            throw invalid("", "the body is a JSON object: `{\"account\": ..., \"amount\": \"12000.0000 EOS\", \"id\": ...}`");
        }
        for (Iterator<String> names = o.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) throw invalid("/" + name, "unknown field `" + name + "`: expected account, asset, amount, time, id or periods");
        }
        return o;
    }

    private static String text(ObjectNode o, String field, boolean required) {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) {
            if (required) throw invalid("/" + field, "`" + field + "` is missing");
            return null;
        }
        if (!v.isTextual()) throw invalid("/" + field, "`" + field + "` is a string");
        if (v.asText().isEmpty()) throw invalid("/" + field, "`" + field + "` is empty");
        return v.asText();
    }

    private static String single(Fields query, String name, boolean required) {
        List<String> values = query.getValuesOrEmpty(name);
        if (values.size() > 1) throw invalidParameter(name, "parameter `" + name + "` is given " + values.size() + " times");
        if (values.isEmpty() || values.get(0).isEmpty()) {
            if (required) throw invalidParameter(name, "parameter `" + name + "` is missing");
            return null;
        }
        return values.get(0);
    }

    private static ApiError.Failure invalid(String pointer, String message) {
        ObjectNode e = Json.MAPPER.createObjectNode().put("code", ErrorCode.INVALID_SPEND).put("message", message);
        if (!pointer.isEmpty()) e.put("field", pointer);
        return new ApiError(400, ErrorCode.INVALID_SPEND, message, List.of(e)).failure();
    }

    private static ApiError.Failure invalidParameter(String name, String message) {
        ObjectNode e = Json.MAPPER.createObjectNode().put("code", ErrorCode.INVALID_SPEND).put("message", message);
        if (!name.isEmpty()) e.put("parameter", name);
        return new ApiError(400, ErrorCode.INVALID_SPEND, message, List.of(e)).failure();
    }
}
