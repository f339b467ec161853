package io.quorate.chain.casper;

import io.quorate.policy.Chain;
import io.quorate.signatures.ChainSignatureScheme;
import io.quorate.signatures.ChainSignatures;
import io.quorate.signatures.Ecdsa;
import io.quorate.signatures.SignatureEntry;
import io.quorate.signatures.SignatureException;

/** How a Casper approval is written, and how its signer is checked. */
public final class CasperSignatures implements ChainSignatureScheme {

    @Override
    public Chain chain() {
        return Chain.CASPER;
    }

    /**
     * Casper approval {@code {signer, signature}}, both tagged hex: Ed25519 signs the deploy hash
     * itself, secp256k1 signs its SHA-256 (low s, as the k256 verifier requires). Returns the signer.
     */
    @Override
    public String signer(byte[] deployHash, SignatureEntry entry) throws SignatureException {
        String signer = ChainSignatures.signer(entry, "a Casper approval");
        String text = entry.signature();
        if (text.length() < 2) throw new SignatureException("is not a Casper signature: tagged hex `01…` or `02…`");
        int tag = tag(text.substring(0, 2));
        int signerTag = tag(signer.substring(0, Math.min(2, signer.length())));
        if (tag != signerTag) {
            throw new SignatureException("a signature tagged `0" + tag + "` cannot come from signer `" + ChainSignatures.abbreviate(signer)
                    + "` tagged `0" + signerTag + "`");
        }
        byte[] rs = ChainSignatures.hex(text.substring(2), ChainSignatures.RS_LENGTH, "a Casper signature after its tag");
        if (tag == CasperKeys.ED25519) {
            byte[] key = ChainSignatures.hex(signer.substring(2), 32, "an ed25519 signer after its tag");
            if (!Ecdsa.ed25519Verify(rs, key, deployHash)) throw ChainSignatures.notBy(signer);
            return CasperKeys.tagged(CasperKeys.ED25519, key);
        }
        byte[] key = ChainSignatures.hex(signer.substring(2), 33, "a secp256k1 signer after its tag");
        ChainSignatures.verifyLowS(ChainSignatures.sha256(deployHash), rs, key, signer);
        return CasperKeys.tagged(CasperKeys.SECP256K1, key);
    }

    private static int tag(String twoHex) throws SignatureException {
        return switch (twoHex) {
            case "01" -> CasperKeys.ED25519;
            case "02" -> CasperKeys.SECP256K1;
            default -> throw new SignatureException("tag `" + twoHex + "` is not a Casper algorithm: `01` ed25519, `02` secp256k1");
        };
    }
}
