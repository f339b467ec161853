package io.quorate.engine;

import java.util.Locale;

public enum Outcome {
    ALLOW, DENY;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
