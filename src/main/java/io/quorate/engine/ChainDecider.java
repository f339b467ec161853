package io.quorate.engine;

/** The authorization rules of one chain, applied to a transaction whose signatures are resolved. */
interface ChainDecider {

    Verdict decide(Request request);

    static Reason reason(String code, String message) {
        return new Reason(code, message);
    }

    /** For chains whose actions are checked one by one and independently: the first failure denies. */
    static Verdict eachAction(Request request, java.util.function.Consumer<ActionResult> decideOne) {
        java.util.List<ActionResult> results = new java.util.ArrayList<>();
        for (io.quorate.transaction.ActionRequest a : request.tx().actions()) {
            ActionResult r = new ActionResult(a);
            results.add(r);
            decideOne.accept(r);
        }
        return Verdict.firstFailure(results);
    }
}
