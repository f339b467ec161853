package io.quorate.compile;

/**
 * One entry of a compiled authority, as its rule states it: a key (its number in the
 * {@link KeyIndex}), a reference to another authority (EOS and generic: the referenced program;
 * Hive: the referenced account; -1 when it leads nowhere) or a wait in seconds, with its weight
 * and the label reports use. The static factories are the functions the rendered rules call.
 */
public record Entry(byte kind, long ref, int weight, String label) {

    public static final byte WAIT = 0;
    public static final byte KEY = 1;
    public static final byte ACCOUNT = 2;

    public static Entry key(int number, String label, int weight) {
        return new Entry(KEY, number, weight, label);
    }

    public static Entry account(int reference, String label, int weight) {
        return new Entry(ACCOUNT, reference, weight, label);
    }

    public static Entry delay(long seconds, int weight) {
        return new Entry(WAIT, seconds, weight, "wait " + seconds + "s");
    }

    public boolean isKey() {
        return kind == KEY;
    }

    /** The call that creates this entry in a rendered rule: {@code key(3, "alice", 1)}. */
    public String drl() {
        return switch (kind) {
            case KEY -> "key(" + ref + ", " + Drl.string(label) + ", " + weight + ")";
            case ACCOUNT -> "account(" + ref + ", " + Drl.string(label) + ", " + weight + ")";
            default -> "delay(" + ref + ", " + weight + ")";
        };
    }
}
