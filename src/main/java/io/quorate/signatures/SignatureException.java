package io.quorate.signatures;

/** A signature that is malformed or does not verify; the message says why, in the style of diagnostics. */
public final class SignatureException extends Exception {

    public SignatureException(String message) {
        super(message, null, false, false);
    }
}
