package io.quorate.differential;

import io.quorate.chain.casper.CasperKeys;
import io.quorate.chain.eos.EosKeys;
import io.quorate.chain.hive.HiveKeys;
import io.quorate.keys.Ed25519Keys;
import io.quorate.keys.KeyFormatException;
import io.quorate.keys.Secp256k1;
import java.util.ArrayList;
import java.util.List;

/**
 * Real public keys for the generators, derived once from fixed seeds: index {@code i} is the same
 * key pair on every chain, written in each chain's spellings.
 */
final class Keyring {

    /** Enough distinct keys for a Casper deploy with more than 100 approvals. */
    static final int SIZE = 112;

    private static final List<byte[]> SECP = new ArrayList<>();
    private static final List<byte[]> ED25519 = new ArrayList<>();

    static {
        for (int i = 0; i < SIZE; i++) {
            SECP.add(Secp256k1.publicKeyFromSeed(1000 + i));
            ED25519.add(Ed25519Keys.publicKeyFromSeed(5000 + i));
        }
    }

    private Keyring() {
    }

    static String eosLegacy(int i) {
        return EosKeys.legacy(SECP.get(i));
    }

    static String eosK1(int i) {
        return EosKeys.pubK1(SECP.get(i));
    }

    static String hive(int i) {
        return HiveKeys.stm(SECP.get(i));
    }

    static String ft4(int i) {
        return java.util.HexFormat.of().formatHex(SECP.get(i));
    }

    /** Even indexes are secp256k1 ({@code 02…}/{@code 03…} after the tag), odd ones ed25519 ({@code 01…}). */
    static String casperTagged(int i) {
        return i % 2 == 0 ? CasperKeys.tagged(CasperKeys.SECP256K1, SECP.get(i)) : CasperKeys.tagged(CasperKeys.ED25519, ED25519.get(i));
    }

    static String casperHash(int i) {
        try {
            return CasperKeys.accountHash(casperTagged(i));
        } catch (KeyFormatException e) {
            throw new IllegalStateException(e);
        }
    }
}
