package io.quorate.signatures;

import io.quorate.keys.Base58;
import io.quorate.keys.CasperKeys;
import io.quorate.keys.EosKeys;
import io.quorate.keys.HiveKeys;
import io.quorate.keys.KeyFormatException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import org.bouncycastle.crypto.digests.RIPEMD160Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;

/** How each chain writes one signature, and how it finds (EOS, Hive) or checks (Casper, FT4) the key. */
final class ChainSignatures {

    private static final String SIG_K1 = "SIG_K1_";
    /** 69 bytes (header, r, s, checksum) in base58: 94 characters, 95 allowing for a leading zero. */
    private static final int SIG_K1_MAX_BODY = 95;
    private static final int CHECKSUM_LENGTH = 4;
    private static final int RS_LENGTH = 64;

    private ChainSignatures() {
    }

    /** EOS {@code SIG_K1_…}: base58 of the 65 bytes and RIPEMD-160(bytes ‖ "K1")[0..4]; the key recovered, as PUB_K1. */
    static String eos(byte[] digest, SignatureEntry entry) throws SignatureException {
        noSigner(entry, "EOS");
        String text = entry.signature();
        if (!text.startsWith(SIG_K1)) {
            if (text.startsWith("SIG_R1_") || text.startsWith("SIG_WA_")) {
                throw new SignatureException("`" + text.substring(0, 6) + "` signatures are not supported: only `SIG_K1_`");
            }
            throw new SignatureException("is not an EOS signature: EOS signatures start with `SIG_K1_`");
        }
        int body = text.length() - SIG_K1.length();
        if (body > SIG_K1_MAX_BODY) {
            throw new SignatureException("has " + body + " characters after `SIG_K1_`, more than any EOS signature ("
                    + SIG_K1_MAX_BODY + ")");
        }
        byte[] all;
        try {
            all = Base58.decode(text.substring(SIG_K1.length()));
        } catch (KeyFormatException e) {
            throw new SignatureException(e.getMessage());
        }
        if (all.length != CompactSignature.LENGTH + CHECKSUM_LENGTH) {
            throw new SignatureException("decodes to " + all.length + " bytes, expected "
                    + (CompactSignature.LENGTH + CHECKSUM_LENGTH));
        }
        byte[] data = Arrays.copyOf(all, CompactSignature.LENGTH);
        RIPEMD160Digest ripemd = new RIPEMD160Digest();
        ripemd.update(data, 0, data.length);
        byte[] suffix = "K1".getBytes(StandardCharsets.US_ASCII);
        ripemd.update(suffix, 0, suffix.length);
        byte[] checksum = new byte[ripemd.getDigestSize()];
        ripemd.doFinal(checksum, 0);
        if (!Arrays.equals(Arrays.copyOf(checksum, CHECKSUM_LENGTH), Arrays.copyOfRange(all, CompactSignature.LENGTH, all.length))) {
            throw new SignatureException("checksum mismatch: the signature is mistyped or truncated");
        }
        return EosKeys.pubK1(CompactSignature.recover(data, digest, CompactSignature.Canonical.FC));
    }

    /** Hive: the 65 bytes in hex (header 31-34, r, s), BIP-62 canonical; the key recovered, as STM. */
    static String hive(byte[] digest, SignatureEntry entry) throws SignatureException {
        noSigner(entry, "Hive");
        byte[] compact = hex(entry.signature(), CompactSignature.LENGTH, "a Hive signature");
        return HiveKeys.stm(CompactSignature.recover(compact, digest, CompactSignature.Canonical.BIP_0062));
    }

    /**
     * Casper approval {@code {signer, signature}}, both tagged hex: Ed25519 signs the deploy hash
     * itself, secp256k1 signs its SHA-256 (low s, as the k256 verifier requires). Returns the signer.
     */
    static String casper(byte[] deployHash, SignatureEntry entry) throws SignatureException {
        String signer = signer(entry, "a Casper approval");
        String text = entry.signature();
        if (text.length() < 2) throw new SignatureException("is not a Casper signature: tagged hex `01…` or `02…`");
        int tag = tag(text.substring(0, 2));
        int signerTag = tag(signer.substring(0, Math.min(2, signer.length())));
        if (tag != signerTag) {
            throw new SignatureException("a signature tagged `0" + tag + "` cannot come from signer `" + abbreviate(signer)
                    + "` tagged `0" + signerTag + "`");
        }
        byte[] rs = hex(text.substring(2), RS_LENGTH, "a Casper signature after its tag");
        if (tag == CasperKeys.ED25519) {
            byte[] key = hex(signer.substring(2), 32, "an ed25519 signer after its tag");
            if (!Ecdsa.ed25519Verify(rs, key, deployHash)) throw notBy(signer);
            return CasperKeys.tagged(CasperKeys.ED25519, key);
        }
        byte[] key = hex(signer.substring(2), 33, "a secp256k1 signer after its tag");
        verifyLowS(sha256(deployHash), rs, key, signer);
        return CasperKeys.tagged(CasperKeys.SECP256K1, key);
    }

    /** FT4 {@code {signer, signature}}: 64-byte r ‖ s over the transaction digest (postchain-client signs it as is). */
    static String ft4(byte[] digest, SignatureEntry entry) throws SignatureException {
        String signer = signer(entry, "an FT4 signature");
        String keyHex = signer.startsWith("0x") || signer.startsWith("0X") ? signer.substring(2) : signer;
        if (keyHex.length() == 40) {
            throw new SignatureException("signer `" + signer + "` is an EVM address: only secp256k1 public-key signers are supported");
        }
        byte[] key = hex(keyHex, 33, "an FT4 signer");
        String sig = entry.signature().startsWith("0x") ? entry.signature().substring(2) : entry.signature();
        verifyLowS(digest, hex(sig, RS_LENGTH, "an FT4 signature"), key, signer);
        return HexFormat.of().formatHex(key);
    }

    private static void verifyLowS(byte[] digest, byte[] rs, byte[] key, String signer) throws SignatureException {
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(rs, 0, 32));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(rs, 32, 64));
        if (s.compareTo(Ecdsa.HALF_N) > 0) {
            throw new SignatureException("the signature is not canonical: s above n/2 is rejected");
        }
        if (!Ecdsa.verify(digest, r, s, key)) throw notBy(signer);
    }

    private static SignatureException notBy(String signer) {
        return new SignatureException("does not verify: not a signature of the digest by `" + abbreviate(signer) + "`");
    }

    private static void noSigner(SignatureEntry entry, String chain) throws SignatureException {
        if (entry.signer() != null) {
            throw new SignatureException(chain + " signatures name no signer (the key is recovered): write the signature alone");
        }
    }

    private static String signer(SignatureEntry entry, String what) throws SignatureException {
        if (entry.signer() == null) {
            throw new SignatureException(what + " is `{signer, signature}`: the signer is missing");
        }
        return entry.signer();
    }

    private static int tag(String twoHex) throws SignatureException {
        return switch (twoHex) {
            case "01" -> CasperKeys.ED25519;
            case "02" -> CasperKeys.SECP256K1;
            default -> throw new SignatureException("tag `" + twoHex + "` is not a Casper algorithm: `01` ed25519, `02` secp256k1");
        };
    }

    static byte[] hex(String text, int length, String what) throws SignatureException {
        if (text.length() != 2 * length) {
            throw new SignatureException(what + " is " + 2 * length + " hex characters, got " + text.length());
        }
        try {
            return HexFormat.of().parseHex(text.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new SignatureException(what + " is hex: " + e.getMessage());
        }
    }

    static byte[] sha256(byte[] data) {
        SHA256Digest d = new SHA256Digest();
        d.update(data, 0, data.length);
        byte[] out = new byte[32];
        d.doFinal(out, 0);
        return out;
    }

    static String abbreviate(String s) {
        return s.length() <= 16 ? s : s.substring(0, 12) + "…";
    }
}
