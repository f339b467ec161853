package io.quorate.stream;

import io.quorate.diag.Diagnostic;
import io.quorate.diag.InputException;
import io.quorate.transaction.Transaction;
import io.quorate.transaction.TransactionLoader;
import io.quorate.yaml.Expect;
import io.quorate.yaml.YamlReader;
import java.util.List;
import java.util.Set;

/**
 * One candidate transaction from a record, read by the loader of transaction files and of the
 * service's request bodies; the record is the file {@code topic-partition@offset}. A record that
 * cannot be read gets the service's error code for such a body: {@code malformed-json},
 * {@code invalid-transaction} (a field missing, unknown, of the wrong type or in conflict) or
 * {@code undecidable-transaction} (every field in place, a value that cannot be decided on).
 */
final class TransactionRecord {

    private static final Set<String> MALFORMED = Set.of(Expect.WRONG_TYPE, Expect.MISSING_FIELD, Expect.UNKNOWN_FIELD,
            Expect.DUPLICATE_KEY, "conflicting-fields");

    /** The transaction, or why there is none. */
    record Read(Transaction transaction, String code, String message, List<Diagnostic> problems) {
    }

    private TransactionRecord() {
    }

    static Read read(RecordOrigin origin, String text) {
        List<Transaction> txs;
        try {
            txs = TransactionLoader.load(origin.name(), text);
        } catch (InputException e) {
            return failure(e.diagnostics());
        }
        if (txs.size() != 1 || text.stripLeading().startsWith("[")) {
            return new Read(null, DeadLetter.NOT_ONE_TRANSACTION, "a record holds one transaction object, this one holds "
                    + txs.size() + ": send each transaction as its own record, keyed by its account", List.of());
        }
        return new Read(txs.get(0), null, null, List.of());
    }

    private static Read failure(List<Diagnostic> problems) {
        String first = problems.isEmpty() ? "the transaction is not valid" : problems.get(0).message();
        String more = problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : "";
        if (problems.stream().anyMatch(d -> d.code().equals(YamlReader.SYNTAX))) {
            return new Read(null, DeadLetter.MALFORMED_JSON, "the record is not valid JSON: " + first, problems);
        }
        boolean undecidable = !problems.isEmpty() && problems.stream().noneMatch(d -> MALFORMED.contains(d.code()));
        return new Read(null, undecidable ? DeadLetter.UNDECIDABLE_TRANSACTION : DeadLetter.INVALID_TRANSACTION, first + more,
                problems);
    }
}
