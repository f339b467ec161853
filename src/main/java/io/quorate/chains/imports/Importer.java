package io.quorate.chains.imports;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns accounts as the chains' own APIs return them into one policy file (format version 1).
 * <pre>{@code
 * Importer.Result r = Importer.run(Importer.Format.EOS, List.of(new Importer.Input("acct.json", json)));
 * PolicySet policy = PolicyLoader.load("imported.yaml", r.yaml());
 * }</pre>
 */
public final class Importer {

    /** The chain whose API answers are read. */
    public enum Format {
        EOS, HIVE, CASPER, FT4;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One file: the name problems call it, and its text. */
    public record Input(String name, String text) {
    }

    /** The policy's YAML, and what looked wrong without stopping the import. */
    public record Result(String yaml, List<ImportProblem> warnings) {
    }

    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(Json.MAX_DEPTH).build())
            .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Importer() {
    }

    public static Result run(Format format, List<Input> inputs) throws ImportException {
        List<ImportProblem> problems = new ArrayList<>();
        List<ImportProblem> warnings = new ArrayList<>();
        PolicyDraft draft = new PolicyDraft();
        Ft4Import ft4 = new Ft4Import();
        for (Input in : inputs) {
            JsonNode node = parse(in, problems);
            if (node == null) continue;
            Json root = Json.root(node, in.name(), problems);
            switch (format) {
                case EOS -> EosImport.read(root, draft);
                case HIVE -> HiveImport.read(root, draft);
                case CASPER -> CasperImport.read(root, draft);
                case FT4 -> ft4.read(root);
            }
        }
        if (format == Format.FT4) ft4.emit(draft, warnings);
        if (!problems.isEmpty()) throw new ImportException(problems);
        List<String> names = inputs.stream().map(Input::name).toList();
        String header = "imported by `quorate import --from " + format.id() + "` from " + String.join(", ", names);
        return new Result(draft.yaml(List.of(header)), List.copyOf(warnings));
    }

    /**
     * The file as JSON; also a bare {@code "Account": {...}} member as block explorers and the
     * Casper docs print it, and {@code chr query}'s GTV notation. Null after recording a problem.
     */
    static JsonNode parse(Input in, List<ImportProblem> problems) {
        String text = in.text().strip();
        if (text.isEmpty()) {
            problems.add(new ImportProblem(in.name(), null, "the file is empty", null));
            return null;
        }
        if (text.startsWith("\"")) text = "{" + text + "}";
        JsonParser parser = null;
        try {
            parser = JSON.createParser(text);
            return JSON.readTree(parser);
        } catch (JacksonException e) {
            try {
                return GtvText.parse(text);
            } catch (GtvText.SyntaxError gtvError) {
                boolean gtv = text.contains("x\"") || text.matches("(?s)\\[\\s*\"[^\"]*\"\\s*:.*");
                // Jackson's constraint errors carry no location: the parser knows where it stopped
                JsonLocation l = e.getLocation() != null || parser == null ? e.getLocation() : parser.currentLocation();
                String where = l == null ? "" : "line " + l.getLineNr() + ", column " + l.getColumnNr() + ": ";
                problems.add(new ImportProblem(in.name(), null, gtv
                        ? "not JSON nor chr's GTV notation: " + gtvError.getMessage()
                        : "not JSON: " + where + e.getOriginalMessage(), null));
                return null;
            }
        } catch (IOException e) {
            // a parser over a string does no I/O; kept apart so a surprise still reads as a problem
            problems.add(new ImportProblem(in.name(), null, "the file cannot be read: " + e.getMessage(), null));
            return null;
        }
    }
}
