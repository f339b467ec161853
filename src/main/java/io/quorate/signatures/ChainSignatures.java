package io.quorate.signatures;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import org.bouncycastle.crypto.digests.SHA256Digest;

/** What checking one signature takes on every chain: hex fields, the signer, low-s ECDSA, messages. */
public final class ChainSignatures {

    /** r ‖ s. */
    public static final int RS_LENGTH = 64;

    private ChainSignatures() {
    }

    public static void verifyLowS(byte[] digest, byte[] rs, byte[] key, String signer) throws SignatureException {
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(rs, 0, 32));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(rs, 32, 64));
        if (s.compareTo(Ecdsa.HALF_N) > 0) {
            throw new SignatureException("the signature is not canonical: s above n/2 is rejected");
        }
        if (!Ecdsa.verify(digest, r, s, key)) throw notBy(signer);
    }

    public static SignatureException notBy(String signer) {
        return new SignatureException("does not verify: not a signature of the digest by `" + abbreviate(signer) + "`");
    }

    public static void noSigner(SignatureEntry entry, String chain) throws SignatureException {
        if (entry.signer() != null) {
            throw new SignatureException(chain + " signatures name no signer (the key is recovered): write the signature alone");
        }
    }

    public static String signer(SignatureEntry entry, String what) throws SignatureException {
        if (entry.signer() == null) {
            throw new SignatureException(what + " is `{signer, signature}`: the signer is missing");
        }
        return entry.signer();
    }

    public static byte[] hex(String text, int length, String what) throws SignatureException {
        if (text.length() != 2 * length) {
            throw new SignatureException(what + " is " + 2 * length + " hex characters, got " + text.length());
        }
        try {
            return HexFormat.of().parseHex(text.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new SignatureException(what + " is hex: " + e.getMessage());
        }
    }

    public static byte[] sha256(byte[] data) {
        SHA256Digest d = new SHA256Digest();
        d.update(data, 0, data.length);
        byte[] out = new byte[32];
        d.doFinal(out, 0);
        return out;
    }

    public static String abbreviate(String s) {
        return s.length() <= 16 ? s : s.substring(0, 12) + "…";
    }
}
