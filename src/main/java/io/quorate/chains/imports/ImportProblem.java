package io.quorate.chains.imports;

/** Something wrong in an imported file, at a JSON path such as {@code $.permissions[1].required_auth.threshold}. */
public record ImportProblem(String file, String path, String message, String help) {

    /** {@code file: path: message}, and a help line when there is advice. */
    public String render() {
        return file + ": " + (path == null ? "" : path + ": ") + message + (help == null ? "" : "\n  help: " + help);
    }
}
