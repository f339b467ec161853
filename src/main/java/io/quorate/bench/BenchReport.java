package io.quorate.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The bench's results as Markdown: one table row per measurement, then the notes that qualify them. */
public final class BenchReport {

    static final String HEADER = "| policy | build s | heap MB | mode | threads | decisions/s | p50 µs | p99 µs | reference ratio |";
    private static final String RULE = "|---|--:|--:|---|--:|--:|--:|--:|---|";

    /** One measured line; {@code policy}, {@code build} and {@code heap} are blank after a policy's first row. */
    record Row(String policy, String build, String heap, String mode, int threads, Measurement.Result engine,
               Measurement.Result reference) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    void add(Row row) {
        rows.add(row);
    }

    void note(String note) {
        notes.add(note);
    }

    public List<String> notes() {
        return List.copyOf(notes);
    }

    /** Decisions that came out other than the traffic was generated for, over every measurement (0 when all is well). */
    public long unexpected() {
        long n = 0;
        for (Row r : rows) {
            n += r.engine().unexpected() + (r.reference() == null ? 0 : r.reference().unexpected());
        }
        return n;
    }

    public String render() {
        StringBuilder sb = new StringBuilder();
        sb.append(HEADER).append('\n').append(RULE).append('\n');
        for (Row r : rows) {
            sb.append("| ").append(r.policy()).append(" | ").append(r.build()).append(" | ").append(r.heap())
                    .append(" | ").append(r.mode()).append(" | ").append(r.threads())
                    .append(" | ").append(rate(r.engine().perSecond()))
                    .append(" | ").append(micros(r.engine().p50Micros()))
                    .append(" | ").append(micros(r.engine().p99Micros()))
                    .append(" | ").append(ratio(r.engine(), r.reference())).append(" |\n");
        }
        if (!notes.isEmpty()) sb.append('\n');
        for (String n : notes) sb.append("- ").append(n).append('\n');
        return sb.toString();
    }

    static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%,.0f", perSecond);
    }

    static String micros(double us) {
        if (Double.isNaN(us)) return "–";
        return String.format(Locale.ROOT, us < 10 ? "%.2f" : us < 1000 ? "%.1f" : "%,.0f", us);
    }

    /** Engine decisions/s over the reference evaluator's, with the reference's own rate. */
    private static String ratio(Measurement.Result engine, Measurement.Result reference) {
        if (reference == null) return "–";
        return String.format(Locale.ROOT, "%.2f× (reference %s/s)", engine.perSecond() / reference.perSecond(),
                rate(reference.perSecond()));
    }
}
