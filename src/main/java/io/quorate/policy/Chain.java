package io.quorate.policy;

import java.util.Locale;

/** The account kinds a policy can declare. */
public enum Chain {
    EOS, HIVE, CASPER, FT4, GENERIC;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
