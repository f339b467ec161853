package io.quorate.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quorate.diag.Diagnostic;
import io.quorate.diag.InputException;
import io.quorate.transaction.Transaction;
import io.quorate.transaction.TransactionLoader;
import io.quorate.yaml.Expect;
import io.quorate.yaml.YamlReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Transactions from a request body, read by the same loader as transaction files (the body is
 * the file {@code request.json}), with its diagnostics turned into an API error: 400
 * {@code malformed-json} for a body that is not JSON; 400 {@code invalid-transaction} when a field
 * is missing, unknown, of the wrong type or in conflict with another (the request is malformed);
 * otherwise 422 {@code undecidable-transaction}: every field is in place but a value cannot be
 * decided on (an approval that is not {@code actor@permission}, a number out of range, an
 * unsupported field, a repeated id). Each error names its field as a JSON pointer.
 */
final class RequestTransactions {

    static final String FILE = "request.json";
    private static final Set<String> MALFORMED = Set.of(Expect.WRONG_TYPE, Expect.MISSING_FIELD, Expect.UNKNOWN_FIELD,
            Expect.DUPLICATE_KEY, "conflicting-fields");

    private RequestTransactions() {
    }

    static List<Transaction> parse(String body) {
        try {
            return TransactionLoader.load(FILE, body);
        } catch (InputException e) {
            throw toError(body, e.diagnostics()).failure();
        }
    }

    /**
     * The first {@link ApiError#MAX_ERRORS} diagnostics as error objects, the rest counted: a body
     * of 60,000 bad values answers in a few kilobytes, and the body is parsed once for all the
     * fields named, not once per error.
     */
    static ApiError toError(String body, List<Diagnostic> diagnostics) {
        List<Diagnostic> shown = diagnostics.subList(0, Math.min(diagnostics.size(), ApiError.MAX_ERRORS));
        Map<Long, String> fields = fields(body, shown);
        List<ObjectNode> errors = new ArrayList<>();
        for (Diagnostic d : shown) errors.add(diagnostic(d, fields.get(FieldPointer.position(d.at().line(), d.at().column())), false));
        boolean syntax = diagnostics.stream().anyMatch(d -> d.code().equals(YamlReader.SYNTAX));
        boolean undecidable = !diagnostics.isEmpty() && diagnostics.stream().noneMatch(d -> MALFORMED.contains(d.code()));
        String first = diagnostics.isEmpty() ? "the transaction is not valid" : diagnostics.get(0).message();
        String more = diagnostics.size() > 1 ? " (and " + (diagnostics.size() - 1) + " more)" : "";
        int omitted = diagnostics.size() - shown.size();
        if (syntax) return new ApiError(400, ErrorCode.MALFORMED_JSON, "the body is not valid JSON: " + first, errors, omitted);
        if (undecidable) return new ApiError(422, ErrorCode.UNDECIDABLE_TRANSACTION, first + more, errors, omitted);
        return new ApiError(400, ErrorCode.INVALID_TRANSACTION, first + more, errors, omitted);
    }

    private static Map<Long, String> fields(String body, List<Diagnostic> diagnostics) {
        Set<Long> positions = new HashSet<>();
        for (Diagnostic d : diagnostics) if (d.at().line() > 0) positions.add(FieldPointer.position(d.at().line(), d.at().column()));
        return FieldPointer.all(body, positions);
    }

    /** A diagnostic of a policy file as an error object: code, message, file, line, column, help. */
    static ObjectNode diagnostic(Diagnostic d) {
        return diagnostic(d, null, true);
    }

    /** A diagnostic as an error object: code, message, field (a JSON pointer into the body, when known), file, line, column, help. */
    static ObjectNode diagnostic(Diagnostic d, String field, boolean withFile) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("code", d.code());
        o.put("message", d.message());
        if (field != null && !field.isEmpty()) o.put("field", field);
        if (withFile) o.put("file", d.at().file());
        if (d.at().line() > 0) {
            o.put("line", d.at().line());
            o.put("column", d.at().column());
        }
        if (d.help() != null) o.put("help", d.help());
        return o;
    }
}
