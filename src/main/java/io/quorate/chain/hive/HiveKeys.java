package io.quorate.chain.hive;

import io.quorate.keys.ChecksummedPoint;
import io.quorate.keys.Curves;
import io.quorate.keys.KeyFormat;
import io.quorate.keys.KeyFormatException;
import io.quorate.keys.KeyId;

/** Hive (and Steem) public keys: {@code STM…} on mainnet, {@code TST…} on testnets; secp256k1. */
public final class HiveKeys {

    /** {@code STM…} (and the testnet prefix {@code TST…}). */
    public static final KeyFormat FORMAT = KeyFormat.shaped(HiveKeys::decode, HiveKeys::looksLikeKey, HiveKeys::stm);


    static final String MAINNET = "STM";
    static final String TESTNET = "TST";

    private HiveKeys() {
    }

    public static KeyId decode(String text) throws KeyFormatException {
        for (String prefix : new String[] {MAINNET, TESTNET}) {
            if (text.startsWith(prefix)) {
                return Curves.SECP256K1.keyId(ChecksummedPoint.decode(text, prefix, Curves.SECP256K1, "", "Hive"));
            }
        }
        throw new KeyFormatException("`" + text + "` is not a Hive public key",
                "Hive public keys start with `STM` (or `TST` on a testnet)");
    }

    /** {@code STM} or {@code TST} followed by 20 or more letters and digits. */
    public static boolean looksLikeKey(String text) {
        return ChecksummedPoint.looksLikeKey(text, MAINNET) || ChecksummedPoint.looksLikeKey(text, TESTNET);
    }

    /** The mainnet spelling {@code STM…} of a compressed secp256k1 point. */
    public static String stm(byte[] compressed33) {
        return ChecksummedPoint.encode(MAINNET, Curves.SECP256K1, compressed33, "");
    }
}
