package io.quorate.stream;

import io.quorate.chains.imports.ImportException;
import io.quorate.chains.imports.ImportProblem;
import io.quorate.chains.imports.Importer;
import io.quorate.diag.Diagnostic;
import io.quorate.diag.InputException;
import io.quorate.diag.SourceLocation;
import io.quorate.lint.LintOptions;
import io.quorate.lint.LintReport;
import io.quorate.lint.Linter;
import io.quorate.policy.PolicyLoader;
import io.quorate.policy.PolicySet;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Screens account configurations as a chain's API prints them (the {@code import} formats; one
 * record may hold several accounts, as {@code get_accounts} answers do): imports them, lints the
 * result and forwards one screening per account, keyed by the account's name. Checks that depend
 * on the date are judged on the record's day, so replaying a record screens it the same way.
 * A record that does not import or load goes to the dead letters with the problems found.
 */
final class ScreenProcessor implements Processor<String, byte[], String, String> {

    private static final String RECORD = "record";

    /** The chain whose API answers the records are, by id. */
    private final String format;
    private final StreamMetrics metrics;
    private ProcessorContext<String, String> context;

    ScreenProcessor(String format, StreamMetrics metrics) {
        this.format = format;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, String> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, byte[]> record) {
        RecordOrigin origin = RecordOrigin.of(context);
        byte[] value = record.value();
        String text = value == null ? null : RecordText.utf8(value);
        if (text == null) {
            deadLetter(record, DeadLetter.of(value == null ? DeadLetter.EMPTY_RECORD : DeadLetter.NOT_UTF8,
                    value == null ? "the record has no value: send an account as the chain's API prints it"
                            : "the record is not UTF-8 text", origin, record.key(), value));
            return;
        }
        try {
            // Fixed names, so the revision depends on the configuration alone and not on where the record sits.
            Importer.Result imported = Importer.run(format, List.of(new Importer.Input(RECORD, text)));
            PolicySet policy = PolicyLoader.load(RECORD + ".yaml", imported.yaml());
            LintOptions options = LintOptions.defaults()
                    .withToday(Instant.ofEpochMilli(Math.max(0, record.timestamp())).atZone(ZoneOffset.UTC).toLocalDate());
            LintReport report = Linter.lint(policy, options);
            for (String account : policy.accounts().keySet()) {
                AccountScreening s = AccountScreening.of(account, format, report, origin.name());
                context.forward(new Record<>(account, s.json(), record.timestamp(), record.headers()), ScreenTopology.SCREENED);
            }
            metrics.screened(policy.accounts().size());
        } catch (ImportException e) {
            deadLetter(record, new DeadLetter(DeadLetter.INVALID_ACCOUNT, first(e.problems()), e.problems().stream()
                    .map(p -> Diagnostic.error(DeadLetter.INVALID_ACCOUNT, SourceLocation.ofFile(origin.name()), message(p), p.help()))
                    .toList(), origin, record.key(), value));
        } catch (InputException e) {
            deadLetter(record, new DeadLetter(DeadLetter.INVALID_ACCOUNT, "the imported account is not a valid policy: "
                    + e.diagnostics().get(0).message(), e.diagnostics(), origin, record.key(), value));
        } catch (RuntimeException | StackOverflowError | LinkageError e) {
            deadLetter(record, DeadLetter.of(DeadLetter.INTERNAL_ERROR, "the account could not be screened: " + e,
                    origin, record.key(), value));
        }
    }

    private static String first(List<ImportProblem> problems) {
        return problems.isEmpty() ? "the record does not import" : message(problems.get(0));
    }

    /** The problem at its JSON path; the record is named by the dead letter's source. */
    private static String message(ImportProblem p) {
        return (p.path() == null ? "" : p.path() + ": ") + p.message();
    }

    private void deadLetter(Record<String, byte[]> record, DeadLetter letter) {
        metrics.deadLetter(letter.code());
        context.forward(new Record<>(record.key(), letter.json(), record.timestamp(), record.headers()), ScreenTopology.DEAD_LETTERS);
    }
}
