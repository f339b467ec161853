package io.quorate.keytool;

import io.quorate.keys.Base58;
import io.quorate.keys.Digests;
import io.quorate.signatures.Ecdsa;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/** Signs digests the way each chain's wallets do, so tests can check signatures through the real verification. */
final class TestSigner {

    private static final ECDomainParameters DOMAIN = new ECDomainParameters(Ecdsa.SECP256K1);
    private static final BigInteger MIN_FC = BigInteger.ONE.shiftLeft(248);
    private static final BigInteger MAX_FC = BigInteger.ONE.shiftLeft(255);

    private TestSigner() {
    }

    /** r ‖ s with s at most n/2, over {@code digest} as given. */
    static BigInteger[] lowS(byte[] secret, byte[] digest, SecureRandom random) {
        ECDSASigner signer = new ECDSASigner();
        signer.init(true, new ParametersWithRandom(new ECPrivateKeyParameters(new BigInteger(1, secret), DOMAIN), random));
        BigInteger[] rs = signer.generateSignature(digest);
        if (rs[1].compareTo(Ecdsa.HALF_N) > 0) rs[1] = Ecdsa.N.subtract(rs[1]);
        return rs;
    }

    static byte[] rs(BigInteger[] rs) {
        byte[] out = new byte[64];
        put(rs[0], out, 0);
        put(rs[1], out, 32);
        return out;
    }

    /** The 65-byte compact signature (header 31 + recovery id); {@code fc} asks for fc's canonical rule too (EOS). */
    static byte[] compact(byte[] secret, byte[] publicKey, byte[] digest, boolean fc, SecureRandom random) {
        while (true) {
            BigInteger[] rs = lowS(secret, digest, random);
            if (fc && !(inFc(rs[0]) && inFc(rs[1]))) continue;
            for (int id = 0; id < 4; id++) {
                if (Arrays.equals(publicKey, Ecdsa.recover(digest, rs[0], rs[1], id))) {
                    byte[] out = new byte[65];
                    out[0] = (byte) (27 + 4 + id);
                    System.arraycopy(rs(rs), 0, out, 1, 64);
                    return out;
                }
            }
        }
    }

    static String sigK1(byte[] compact) {
        byte[] checksum = Digests.ripemd160(compact, "K1".getBytes(StandardCharsets.US_ASCII));
        byte[] all = Arrays.copyOf(compact, 69);
        System.arraycopy(checksum, 0, all, 65, 4);
        return "SIG_K1_" + Base58.encode(all);
    }

    static byte[] ed25519(byte[] secret, byte[] message) {
        byte[] sig = new byte[64];
        new Ed25519PrivateKeyParameters(secret, 0).sign(Ed25519.Algorithm.Ed25519, null, message, 0, message.length, sig, 0);
        return sig;
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static boolean inFc(BigInteger v) {
        return v.compareTo(MIN_FC) >= 0 && v.compareTo(MAX_FC) < 0;
    }

    private static void put(BigInteger v, byte[] out, int at) {
        byte[] b = v.toByteArray();
        int copy = Math.min(b.length, 32);
        System.arraycopy(b, b.length - copy, out, at + 32 - copy, copy);
    }
}
