package io.quorate.assets;

import java.util.Map;

/**
 * The assets a chain has natively and their precision (decimals). Each chain package registers
 * one in {@code META-INF/services/io.quorate.assets.ChainAssets}; a policy may declare more
 * (tokens of EOS contracts, FT4 assets) under {@code assets:}.
 */
public interface ChainAssets {

    /** The chain's id, as policies write it ({@code eos}, {@code hive}, …). */
    String chain();

    /** Symbol to decimals. */
    Map<String, Integer> assets();

    /**
     * True when the chain's amounts carry every decimal of their asset (EOS and Hive write the
     * precision into the amount: {@code 1.0 EOS} is another asset); false when an amount may leave
     * trailing zeros out.
     */
    default boolean writesEveryDecimal() {
        return false;
    }
}
