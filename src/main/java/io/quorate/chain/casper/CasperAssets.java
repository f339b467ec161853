package io.quorate.chain.casper;

import io.quorate.assets.ChainAssets;
import java.util.Map;

/** CSPR: 1 CSPR is 10^9 motes, so amounts have 9 decimals. */
public final class CasperAssets implements ChainAssets {

    /** Decimals of CSPR: transfers name amounts in motes. */
    public static final int CSPR_DECIMALS = 9;

    @Override
    public String chain() {
        return "casper";
    }

    @Override
    public Map<String, Integer> assets() {
        return Map.of("CSPR", CSPR_DECIMALS);
    }
}
