package io.quorate.cli;

import io.quorate.schema.Schemas;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "schema", sortOptions = false,
        description = {"Print the JSON Schema (draft 2020-12) of a document: policy, transaction, plan or test.",
                "Editors use it to complete and check the files as they are written (see the README)."},
        footer = {"", "Exit codes: 0 printed or written, 2 an unknown document or a folder that cannot be written."})
final class SchemaCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--write", paramLabel = "DIR",
            description = "Write every schema into DIR as <document>.schema.json instead of printing one.")
    Path write;

    @Parameters(arity = "0..1", paramLabel = "DOCUMENT", completionCandidates = Documents.class,
            description = "policy, transaction, plan or test.")
    String document;

    /** The document names, for completion and the help text. */
    static final class Documents implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Schemas.Document.ids().iterator();
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (write != null) {
            if (document != null) return usage(err, "give a document or --write, not both");
            return writeAll(out, err);
        }
        if (document == null) return usage(err, "name the document: " + String.join(", ", Schemas.Document.ids()));
        Schemas.Document d = Schemas.Document.byId(document);
        if (d == null) {
            return usage(err, "unknown document `" + document + "`: expected one of " + String.join(", ", Schemas.Document.ids()));
        }
        out.print(d.schema());
        out.flush();
        return ExitCode.OK;
    }

    private int writeAll(PrintWriter out, PrintWriter err) {
        try {
            Files.createDirectories(write);
            for (Schemas.Document d : Schemas.Document.values()) {
                Path file = write.resolve(d.fileName());
                Files.writeString(file, d.schema(), StandardCharsets.UTF_8);
                out.println("wrote " + file);
            }
            out.flush();
            return ExitCode.OK;
        } catch (IOException e) {
            err.println("error: cannot write into `" + write + "`: " + e.getMessage());
            err.flush();
            return ExitCode.BAD_INPUT;
        }
    }

    private static int usage(PrintWriter err, String message) {
        err.println("error: " + message);
        err.flush();
        return ExitCode.BAD_INPUT;
    }
}
