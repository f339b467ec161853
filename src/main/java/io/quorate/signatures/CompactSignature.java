package io.quorate.signatures;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * The 65-byte recoverable signature of EOS and Hive (fc's {@code compact_signature}): a header
 * byte, r, s. As fc reads it, the header lies in [27, 35) and the recovery id is
 * {@code (header - 27) & 3}; fc then checks the chain's canonical rule before recovering.
 */
public final class CompactSignature {

    public static final int LENGTH = 65;

    /** The canonical rules of fc's {@code is_canonical} and of Hive's {@code canonical_signature_type}. */
    public enum Canonical {
        /**
         * fc's original rule (EOS, and Hive before HF20): neither r nor s has its top bit set, and
         * neither starts with a zero byte followed by a byte below 0x80, i.e. both lie in [2^248, 2^255).
         */
        FC {
            @Override
            boolean holds(byte[] c) {
                return (c[1] & 0x80) == 0 && !(c[1] == 0 && (c[2] & 0x80) == 0)
                        && (c[33] & 0x80) == 0 && !(c[33] == 0 && (c[34] & 0x80) == 0);
            }

            @Override
            String rule() {
                return "fc's canonical rule requires r and s in [2^248, 2^255)";
            }
        },
        /** BIP-62 (Hive since HF20): s at most n/2. */
        BIP_0062 {
            @Override
            boolean holds(byte[] c) {
                return new BigInteger(1, Arrays.copyOfRange(c, 33, 65)).compareTo(Ecdsa.HALF_N) <= 0;
            }

            @Override
            String rule() {
                return "BIP-62 requires s at most n/2";
            }
        };

        abstract boolean holds(byte[] compact);

        abstract String rule();
    }

    private CompactSignature() {
    }

    /** The compressed key that signed {@code digest}, after the header and canonical checks. */
    public static byte[] recover(byte[] compact, byte[] digest, Canonical canonical) throws SignatureException {
        if (compact.length != LENGTH) {
            throw new SignatureException("a recoverable signature is " + LENGTH + " bytes, got " + compact.length);
        }
        int header = compact[0] & 0xff;
        if (header < 27 || header >= 35) {
            throw new SignatureException("header byte " + header + " is outside [27, 35): no key can be recovered");
        }
        if (!canonical.holds(compact)) {
            throw new SignatureException("the signature is not canonical: " + canonical.rule());
        }
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(compact, 1, 33));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(compact, 33, 65));
        byte[] key = Ecdsa.recover(digest, r, s, (header - 27) & 3);
        if (key == null) {
            throw new SignatureException("no public key recovers from the signature over digest");
        }
        return key;
    }
}
