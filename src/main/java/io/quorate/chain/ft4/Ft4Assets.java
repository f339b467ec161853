package io.quorate.chain.ft4;

import io.quorate.assets.ChainAssets;
import java.util.Map;

/** CHR, Chromia's native asset, 6 decimals. A dapp's own FT4 assets are declared by the policy. */
public final class Ft4Assets implements ChainAssets {

    @Override
    public String chain() {
        return "ft4";
    }

    @Override
    public Map<String, Integer> assets() {
        return Map.of("CHR", 6);
    }
}
