package io.quorate.chains.imports;

import java.util.List;

/** Imported files that cannot be turned into a policy, with every problem found in them. */
public final class ImportException extends Exception {

    private final List<ImportProblem> problems;

    public ImportException(List<ImportProblem> problems) {
        super(problems.isEmpty() ? "invalid input" : problems.get(0).render());
        this.problems = List.copyOf(problems);
    }

    public List<ImportProblem> problems() {
        return problems;
    }
}
