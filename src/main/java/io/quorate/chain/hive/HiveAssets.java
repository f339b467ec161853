package io.quorate.chain.hive;

import io.quorate.assets.ChainAssets;
import java.util.Map;

/** Hive's assets as transfers write them: HIVE and HBD with 3 decimals, VESTS with 6 (and their testnet and Steem names). */
public final class HiveAssets implements ChainAssets {

    @Override
    public String chain() {
        return "hive";
    }

    @Override
    public boolean writesEveryDecimal() {
        return true;
    }

    @Override
    public Map<String, Integer> assets() {
        return Map.of("HIVE", 3, "HBD", 3, "VESTS", 6, "TESTS", 3, "TBD", 3, "STEEM", 3, "SBD", 3);
    }
}
