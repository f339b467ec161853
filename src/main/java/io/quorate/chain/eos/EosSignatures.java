package io.quorate.chain.eos;

import io.quorate.keys.Base58;
import io.quorate.keys.KeyFormatException;
import io.quorate.policy.Chain;
import io.quorate.signatures.ChainSignatureScheme;
import io.quorate.signatures.ChainSignatures;
import io.quorate.signatures.CompactSignature;
import io.quorate.signatures.SignatureEntry;
import io.quorate.signatures.SignatureException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.RIPEMD160Digest;

/** How an Antelope chain writes a signature, and the key recovered from it. */
public final class EosSignatures implements ChainSignatureScheme {

    private static final String SIG_K1 = "SIG_K1_";
    /** 69 bytes (header, r, s, checksum) in base58: 94 characters, 95 allowing for a leading zero. */
    private static final int SIG_K1_MAX_BODY = 95;
    private static final int CHECKSUM_LENGTH = 4;

    @Override
    public Chain chain() {
        return Chain.EOS;
    }

    /** EOS {@code SIG_K1_…}: base58 of the 65 bytes and RIPEMD-160(bytes ‖ "K1")[0..4]; the key recovered, as PUB_K1. */
    @Override
    public String signer(byte[] digest, SignatureEntry entry) throws SignatureException {
        ChainSignatures.noSigner(entry, "EOS");
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
}
