package io.quorate.keys;

import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/** secp256k1 key derivation: public keys from private keys, WIF private keys, and test keys from seeds. */
public final class Secp256k1 {

    private static final int WIF_VERSION = 0x80;
    private static final int PRIVATE_KEY_LENGTH = 32;
    private static final int CHECKSUM_LENGTH = 4;
    private static final FixedPointCombMultiplier MULTIPLIER = new FixedPointCombMultiplier();

    private Secp256k1() {
    }

    /** The compressed 33-byte public key of {@code privateKey}, which must lie in [1, n - 1]. */
    public static byte[] publicKey(BigInteger privateKey) {
        BigInteger n = Curves.SECP256K1.params().getN();
        if (privateKey.signum() <= 0 || privateKey.compareTo(n) >= 0) {
            throw new IllegalArgumentException("a secp256k1 private key lies between 1 and n - 1");
        }
        return MULTIPLIER.multiply(Curves.SECP256K1.params().getG(), privateKey).getEncoded(true);
    }

    /**
     * Reads a WIF private key: base58 of 0x80, the 32-byte key (and 0x01 when it marks a
     * compressed public key), then 4 bytes of double SHA-256. Messages never repeat the key.
     */
    public static BigInteger privateKeyFromWif(String wif) throws KeyFormatException {
        byte[] all = Base58.decode(wif);
        int payload = all.length - CHECKSUM_LENGTH;
        boolean compressedFlag = payload == PRIVATE_KEY_LENGTH + 2 && all[PRIVATE_KEY_LENGTH + 1] == 1;
        if (payload != PRIVATE_KEY_LENGTH + 1 && !compressedFlag) {
            throw new KeyFormatException("a WIF private key decodes to 37 bytes (38 when it marks a compressed key), got " + all.length,
                    "copy the private key again from the wallet");
        }
        byte[] body = Arrays.copyOf(all, payload);
        byte[] checksum = Arrays.copyOf(Digests.sha256(Digests.sha256(body)), CHECKSUM_LENGTH);
        if (!Arrays.equals(checksum, Arrays.copyOfRange(all, payload, all.length))) {
            throw new KeyFormatException("checksum mismatch: the private key is mistyped or truncated",
                    "copy the private key again from the wallet");
        }
        if ((all[0] & 0xff) != WIF_VERSION) {
            throw new KeyFormatException(String.format(
                    "a WIF private key starts with version byte `80`, got `%02x`", all[0] & 0xff),
                    "this is not a mainnet WIF private key");
        }
        BigInteger key = new BigInteger(1, Arrays.copyOfRange(all, 1, 1 + PRIVATE_KEY_LENGTH));
        if (key.signum() == 0 || key.compareTo(Curves.SECP256K1.params().getN()) >= 0) {
            throw new KeyFormatException("the private key is out of range for secp256k1",
                    "a private key lies between 1 and the curve order n - 1");
        }
        return key;
    }

    /**
     * A real key pair's public half, derived deterministically from {@code seed} (private key =
     * SHA-256 of the seed's 8 big-endian bytes, mod n), so tests can make as many keys as they need.
     */
    public static byte[] publicKeyFromSeed(long seed) {
        return publicKey(privateKeyFromSeed(seed));
    }

    static BigInteger privateKeyFromSeed(long seed) {
        BigInteger n = Curves.SECP256K1.params().getN();
        BigInteger key = new BigInteger(1, Digests.sha256(Seeds.bytes(seed))).mod(n);
        return key.signum() == 0 ? BigInteger.ONE : key;
    }
}
