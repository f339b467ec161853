package io.quorate.engine;

/** The authorization rules of one chain, applied to a transaction whose signatures are resolved. */
interface ChainDecider {

    Verdict decide(Request request);

    static Reason reason(String code, String message) {
        return new Reason(code, message);
    }
}
