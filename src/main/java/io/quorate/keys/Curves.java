package io.quorate.keys;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;

/** The two short-Weierstrass curves keys live on, and the check that bytes are a point on one. */
public enum Curves {
    SECP256K1("secp256k1"),
    SECP256R1("secp256r1");

    public static final int COMPRESSED_LENGTH = 33;

    /**
     * Points already found on the curve: the check takes a square root, and a policy's keys are
     * decoded more than once (by their accounts, then by the key directory). Bounded.
     */
    private static final int MAX_KNOWN_POINTS = 1 << 18;

    private final String curveName;
    private final X9ECParameters params;
    private final Set<String> knownPoints = ConcurrentHashMap.newKeySet();

    Curves(String curveName) {
        this.curveName = curveName;
        this.params = CustomNamedCurves.getByName(curveName);
    }

    /** The curve's name, which is also the scheme of its {@link KeyId}s. */
    public String curveName() {
        return curveName;
    }

    public X9ECParameters params() {
        return params;
    }

    public KeyId keyId(byte[] compressed) {
        return new KeyId(curveName + ":" + Hex.encode(compressed));
    }

    public boolean isCompressedPoint(byte[] bytes) {
        if (bytes.length != COMPRESSED_LENGTH || (bytes[0] != 2 && bytes[0] != 3)) {
            return false;
        }
        String hex = Hex.encode(bytes);
        if (knownPoints.contains(hex)) return true;
        try {
            params.getCurve().decodePoint(bytes);
        } catch (IllegalArgumentException | ArithmeticException e) {
            return false;
        }
        if (knownPoints.size() < MAX_KNOWN_POINTS) knownPoints.add(hex);
        return true;
    }

    /** Fails unless {@code bytes} is a compressed point on this curve. */
    public void requireCompressedPoint(byte[] bytes, String help) throws KeyFormatException {
        if (bytes.length == COMPRESSED_LENGTH && bytes[0] != 2 && bytes[0] != 3) {
            throw new KeyFormatException(String.format(
                    "a compressed %s key starts with byte `02` or `03`, got `%02x`", curveName, bytes[0] & 0xff), help);
        }
        if (!isCompressedPoint(bytes)) {
            throw new KeyFormatException("the key's bytes are not a point on the " + curveName + " curve", help);
        }
    }

    /** For encoders: their callers pass bytes they computed, so bad bytes are a programming error. */
    public void checkArgument(byte[] compressed) {
        if (!isCompressedPoint(compressed)) {
            throw new IllegalArgumentException("not a 33-byte compressed " + curveName + " point");
        }
    }
}
