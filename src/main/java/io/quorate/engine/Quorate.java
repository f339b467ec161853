package io.quorate.engine;

import io.quorate.compile.PolicyCompiler;
import io.quorate.diag.InputException;
import io.quorate.policy.PolicyLoader;
import io.quorate.policy.PolicySet;
import java.nio.file.Path;
import java.util.List;

/**
 * The library's entry point: load a policy set, compile it once, decide many times.
 * <pre>{@code
 * PreparedPolicy policy = Quorate.load(List.of(Path.of("policies")));
 * Decision d = policy.authorize(transaction);
 * }</pre>
 */
public final class Quorate {

    private Quorate() {
    }

    /** Loads and compiles the policy files or directories; every problem in them is in the exception. */
    public static PreparedPolicy load(List<Path> paths) throws InputException {
        return prepare(PolicyLoader.load(paths));
    }

    public static PreparedPolicy prepare(PolicySet policy) {
        return new PreparedPolicy(PolicyCompiler.compile(policy));
    }
}
