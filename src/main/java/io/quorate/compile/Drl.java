package io.quorate.compile;

/** How values are written in rendered DRL. */
public final class Drl {

    private Drl() {
    }

    /** A DRL string literal. */
    public static String string(String text) {
        return text == null ? "null" : "\"" + comment(text).replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Text safe inside a line comment. */
    public static String comment(String text) {
        return text.replace('\n', ' ').replace('\r', ' ');
    }
}
