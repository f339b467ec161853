package io.quorate.signatures;

import java.math.BigInteger;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * The signature arithmetic, on BouncyCastle's lightweight API: secp256k1 public-key recovery
 * (SEC 1, section 4.1.6) and verification over a 32-byte digest, and Ed25519 verification.
 */
public final class Ecdsa {

    public static final X9ECParameters SECP256K1 = CustomNamedCurves.getByName("secp256k1");
    public static final BigInteger N = SECP256K1.getN();
    public static final BigInteger HALF_N = N.shiftRight(1);
    private static final ECCurve CURVE = SECP256K1.getCurve();
    private static final BigInteger P = CURVE.getField().getCharacteristic();

    private Ecdsa() {
    }

    /**
     * The compressed public key that produced ({@code r}, {@code s}) over {@code digest}, given
     * the recovery id (0-3), or null when no key does.
     */
    public static byte[] recover(byte[] digest, BigInteger r, BigInteger s, int recoveryId) {
        if (!inRange(r) || !inRange(s) || recoveryId < 0 || recoveryId > 3) return null;
        BigInteger x = recoveryId >= 2 ? r.add(N) : r;
        if (x.compareTo(P) >= 0) return null;
        ECPoint bigR;
        try {
            byte[] encoded = new byte[33];
            encoded[0] = (byte) ((recoveryId & 1) == 0 ? 2 : 3);
            byte[] xb = x.toByteArray();
            int copy = Math.min(xb.length, 32);
            System.arraycopy(xb, xb.length - copy, encoded, 33 - copy, copy);
            bigR = CURVE.decodePoint(encoded);
        } catch (IllegalArgumentException e) {
            return null;
        }
        BigInteger e = new BigInteger(1, digest);
        BigInteger rInverse = r.modInverse(N);
        BigInteger u1 = N.subtract(e).multiply(rInverse).mod(N);
        BigInteger u2 = s.multiply(rInverse).mod(N);
        ECPoint q = ECAlgorithms.sumOfTwoMultiplies(SECP256K1.getG(), u1, bigR, u2).normalize();
        return q.isInfinity() ? null : q.getEncoded(true);
    }

    /** Plain ECDSA verification of ({@code r}, {@code s}) over {@code digest} by a compressed public key. */
    public static boolean verify(byte[] digest, BigInteger r, BigInteger s, byte[] compressedKey) {
        if (!inRange(r) || !inRange(s)) return false;
        ECPoint q;
        try {
            q = CURVE.decodePoint(compressedKey);
        } catch (IllegalArgumentException e) {
            return false;
        }
        BigInteger e = new BigInteger(1, digest);
        BigInteger w = s.modInverse(N);
        ECPoint point = ECAlgorithms.sumOfTwoMultiplies(SECP256K1.getG(), e.multiply(w).mod(N), q, r.multiply(w).mod(N))
                .normalize();
        return !point.isInfinity() && point.getAffineXCoord().toBigInteger().mod(N).equals(r);
    }

    public static boolean ed25519Verify(byte[] signature64, byte[] publicKey32, byte[] message) {
        return Ed25519.verify(signature64, 0, publicKey32, 0, message, 0, message.length);
    }

    private static boolean inRange(BigInteger v) {
        return v.signum() > 0 && v.compareTo(N) < 0;
    }
}
