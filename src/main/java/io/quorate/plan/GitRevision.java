package io.quorate.plan;

import io.quorate.diag.Diagnostic;
import io.quorate.diag.InputException;
import io.quorate.diag.SourceLocation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A policy path as it was at a git revision, copied out of the repository into a folder of its own. */
public final class GitRevision {

    static final String GIT_FAILED = "git-revision";

    private GitRevision() {
    }

    /** Writes {@code path} (a file or a folder) as of {@code revision} under {@code into}; returns the copy's path. */
    public static Path checkout(String revision, Path path, Path into) throws InputException {
        Path absolute = path.toAbsolutePath().normalize();
        Path dir = Files.isDirectory(absolute) ? absolute : absolute.getParent();
        Path top = Path.of(git(dir, "rev-parse", "--show-toplevel").strip()).toAbsolutePath().normalize();
        String relative = top.relativize(absolute).toString().replace('\\', '/');
        List<String> files = new ArrayList<>();
        for (String line : git(top, "ls-tree", "-r", "--name-only", revision, "--", relative.isEmpty() ? "." : relative).split("\n")) {
            if (!line.isBlank()) files.add(line.strip());
        }
        if (files.isEmpty()) {
            throw failure(path, "`" + relative + "` does not exist at revision `" + revision + "`", "check the revision and the path");
        }
        try {
            for (String file : files) {
                Path target = into.resolve(file);
                Files.createDirectories(target.getParent());
                Files.writeString(target, git(top, "show", revision + ":" + file), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw failure(path, "cannot copy the revision's files: " + e.getMessage(), null);
        }
        return relative.isEmpty() ? into : into.resolve(relative);
    }

    private static String git(Path dir, String... args) throws InputException {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw failure(dir, "`git " + String.join(" ", args) + "` failed: " + new String(out, StandardCharsets.UTF_8).strip(),
                        "run quorate diff --git inside a git repository, with a revision it has");
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw failure(dir, "cannot run git: " + e.getMessage(), "install git, or give both policy paths");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(dir, "interrupted while running git", null);
        }
    }

    private static InputException failure(Path at, String message, String help) {
        return new InputException(List.of(Diagnostic.error(GIT_FAILED, SourceLocation.ofFile(at.toString()), message, help)));
    }
}
