package io.quorate.chains.imports;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quorate.policy.Chain;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns accounts as the chains' own APIs return them into one policy file (format version 1).
 * <pre>{@code
 * Importer.Result r = Importer.run("eos", List.of(new Importer.Input("acct.json", json)));
 * PolicySet policy = PolicyLoader.load("imported.yaml", r.yaml());
 * }</pre>
 */
public final class Importer {

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

    /** The chains that can be imported from, by id. */
    public static List<String> chains() {
        return ChainImport.all().keySet().stream().map(Chain::id).toList();
    }

    /** Imports {@code inputs}, the answers of chain {@code from}'s API (its id, in any case). */
    public static Result run(String from, List<Input> inputs) throws ImportException {
        Chain chain = from == null ? null : Chain.byId(from.toLowerCase(Locale.ROOT));
        ChainImport importer = chain == null ? null : ChainImport.all().get(chain);
        if (importer == null) {
            throw new ImportException(List.of(new ImportProblem("--from", null, "cannot import from `" + from + "`",
                    "expected one of " + String.join(", ", chains()))));
        }
        List<ImportProblem> problems = new ArrayList<>();
        List<ImportProblem> warnings = new ArrayList<>();
        PolicyDraft draft = new PolicyDraft();
        ChainImport.Run run = importer.begin(draft);
        for (Input in : inputs) {
            JsonNode node = parse(in, importer, problems);
            if (node == null) continue;
            String nodeError = NodeError.of(node);
            if (nodeError != null) {
                problems.add(new ImportProblem(in.name(), null, "the node answered an error: " + nodeError,
                        "the answer holds no account: check the account name, the network and the node"));
                continue;
            }
            Json root = Json.root(node, in.name(), problems);
            run.read(root);
        }
        run.finish(warnings);
        if (!problems.isEmpty()) throw new ImportException(problems);
        List<String> names = inputs.stream().map(Input::name).toList();
        String header = "imported by `quorate import --from " + chain.id() + "` from " + String.join(", ", names);
        return new Result(draft.yaml(List.of(header)), List.copyOf(warnings));
    }

    /**
     * The file as JSON; also a bare {@code "Account": {...}} member as block explorers and the
     * Casper docs print it, and a chain's own tools' notation (see {@link ChainImport#notation}). Null after recording a problem.
     */
    static JsonNode parse(Input in, ChainImport importer, List<ImportProblem> problems) {
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
            JsonNode other;
            try {
                other = importer.notation(text);
            } catch (IllegalArgumentException notationError) {
                problems.add(new ImportProblem(in.name(), null, notationError.getMessage(), null));
                return null;
            }
            if (other != null) return other;
            // Jackson's constraint errors carry no location: the parser knows where it stopped
            JsonLocation l = e.getLocation() != null || parser == null ? e.getLocation() : parser.currentLocation();
            String where = l == null ? "" : "line " + l.getLineNr() + ", column " + l.getColumnNr() + ": ";
            problems.add(new ImportProblem(in.name(), null, "not JSON: " + where + e.getOriginalMessage(), null));
            return null;
        } catch (IOException e) {
            // a parser over a string does no I/O; kept apart so a surprise still reads as a problem
            problems.add(new ImportProblem(in.name(), null, "the file cannot be read: " + e.getMessage(), null));
            return null;
        }
    }
}
