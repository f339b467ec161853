package io.quorate.cli;

/** The documented exit codes of every command. */
public final class ExitCode {
    private ExitCode() {
    }

    /** Everything allowed, clean, or as expected. */
    public static final int OK = 0;
    /** A transaction was denied, a lint finding reached --fail-on, or an example did not decide as recorded. */
    public static final int DENIED = 1;
    /** The input could not be used: a policy or transaction file with errors, or a wrong command line. */
    public static final int BAD_INPUT = 2;
    /** Quorate itself failed; the message says where. */
    public static final int INTERNAL = 3;
}
