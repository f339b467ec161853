package io.quorate.chains.imports;

import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quorate.engine.PreparedPolicy;
import io.quorate.policy.PolicyLoader;
import io.quorate.policy.PolicySet;
import io.quorate.transaction.Transaction;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Importing test resources ({@code src/test/resources/import/…}) and what the tests ask of the result. */
public final class Imports {

    private Imports() {
    }

    public static String resource(String path) {
        try (InputStream in = Imports.class.getResourceAsStream("/import/" + path)) {
            if (in == null) throw new IllegalStateException("no test resource import/" + path);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Importer.Result run(String format, String... paths) throws ImportException {
        List<Importer.Input> inputs = new ArrayList<>();
        for (String p : paths) inputs.add(new Importer.Input(p, resource(p)));
        return Importer.run(format, inputs);
    }

    public static PolicySet load(Importer.Result r) throws Exception {
        return PolicyLoader.load("imported.yaml", r.yaml());
    }

    public static boolean allows(PreparedPolicy p, String account, String action, String... signatures) {
        return p.authorize(Transaction.of(account, action, List.of(signatures))).allowed();
    }

    public static List<String> problems(String format, String name, String json) {
        ImportException e = assertThrows(ImportException.class,
                () -> Importer.run(format, List.of(new Importer.Input(name, json))));
        return e.problems().stream().map(ImportProblem::render).toList();
    }
}
