package io.quorate.engine;

import io.quorate.compile.CompiledPolicy;
import io.quorate.compile.Entry;
import io.quorate.policy.Chain;
import io.quorate.transaction.ActionRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The authorization rules of one chain, applied to a transaction whose signatures are resolved:
 * routes each action to the authority it needs, puts the chain's checks to the rules and says
 * what it found. Registered in {@code META-INF/services/io.quorate.engine.ChainDecider}.
 */
public interface ChainDecider {

    Chain chain();

    Verdict decide(Request request);

    /** Whether a key that signs twice fails the transaction (EOS, Hive) rather than counting once. */
    default boolean rejectsDuplicateSignatures() {
        return false;
    }

    /** The account an account entry leads to: the referenced program's account, unless the chain references accounts directly. */
    default int referencedAccount(CompiledPolicy policy, Entry reference) {
        return policy.program((int) reference.ref()).account();
    }

    static Reason reason(String code, String message) {
        return new Reason(code, message);
    }

    /** For chains whose actions are checked one by one and independently: the first failure denies. */
    static Verdict eachAction(Request request, Consumer<ActionResult> decideOne) {
        List<ActionResult> results = new ArrayList<>();
        for (ActionRequest a : request.tx().actions()) {
            ActionResult r = new ActionResult(a);
            results.add(r);
            decideOne.accept(r);
        }
        return Verdict.firstFailure(results);
    }
}
