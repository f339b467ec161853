package io.quorate.testing;

import io.quorate.diag.SourceLocation;
import io.quorate.transaction.Transaction;
import io.quorate.yaml.YamlMapping;
import java.nio.file.Path;
import java.util.List;

/** One case of a test file: a transaction (one, or table rows), a lint expectation or a change plan. */
public sealed interface TestCase permits TestCase.Decisions, TestCase.Lint, TestCase.PlanCheck {

    String name();

    /** Where the case is written (its mapping). */
    SourceLocation at();

    /** The case as written, for {@code --update}. */
    YamlMapping node();

    /**
     * One decision to make: the transaction and what must hold ({@code expected} null when the
     * case records nothing yet). {@code label} tells table rows apart ({@code row 2},
     * {@code subset [a, b]}); null for a single transaction.
     */
    record Run(String label, Transaction transaction, Expected expected, SourceLocation at) {
    }

    /** A transaction case: one run, or one per table row or subset. */
    record Decisions(String name, SourceLocation at, YamlMapping node, List<Run> runs) implements TestCase {
        public Decisions {
            runs = List.copyOf(runs);
        }

    }

    /** Lint expectations about an account (or one of its authorities). {@code clean} null when not given. */
    record Lint(String name, SourceLocation at, YamlMapping node, String account, String authority, List<String> has,
                List<String> lacks, Boolean clean) implements TestCase {
        public Lint {
            has = List.copyOf(has);
            lacks = List.copyOf(lacks);
        }
    }

    /**
     * A change plan, from a file ({@code file}, relative paths already resolved) or written inline
     * ({@code inline}); {@code expected} null when the case records nothing yet.
     */
    record PlanCheck(String name, SourceLocation at, YamlMapping node, Path file, YamlMapping inline, PlanExpected expected)
            implements TestCase {
    }
}
