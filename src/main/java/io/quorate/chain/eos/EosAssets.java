package io.quorate.chain.eos;

import io.quorate.assets.ChainAssets;
import java.util.Map;

/** The system token: {@code eosio.token}'s EOS, 4 decimals. Tokens of other contracts are declared by the policy. */
public final class EosAssets implements ChainAssets {

    @Override
    public String chain() {
        return "eos";
    }

    @Override
    public boolean writesEveryDecimal() {
        return true;
    }

    @Override
    public Map<String, Integer> assets() {
        return Map.of("EOS", 4);
    }
}
