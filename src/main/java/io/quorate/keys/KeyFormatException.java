package io.quorate.keys;

/** A string that was meant as a public key but is not a valid one; the message says what is wrong. */
public final class KeyFormatException extends Exception {

    private final String help;

    public KeyFormatException(String message, String help) {
        super(message);
        this.help = help;
    }

    /** How to fix it, or null. */
    public String help() {
        return help;
    }
}
