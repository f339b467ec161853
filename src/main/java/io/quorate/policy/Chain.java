package io.quorate.policy;

import io.quorate.keys.KeyFormat;
import java.util.Locale;

/** The account kinds a policy can declare. */
public enum Chain {
    EOS(KeyFormat.EOS), HIVE(KeyFormat.HIVE), CASPER(KeyFormat.CASPER), FT4(KeyFormat.FT4), GENERIC(KeyFormat.GENERIC);

    private final KeyFormat keyFormat;

    Chain(KeyFormat keyFormat) {
        this.keyFormat = keyFormat;
    }

    public KeyFormat keyFormat() {
        return keyFormat;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The chain named {@code id} (as written in policies), or null. */
    public static Chain byId(String id) {
        for (Chain c : values()) {
            if (c.id().equals(id)) return c;
        }
        return null;
    }
}
