package io.quorate.chain.ft4;

import io.quorate.policy.Chain;
import io.quorate.signatures.ChainSignatureScheme;
import io.quorate.signatures.ChainSignatures;
import io.quorate.signatures.SignatureEntry;
import io.quorate.signatures.SignatureException;
import java.util.HexFormat;

/** How an FT4 signature is written, and how its signer is checked. */
public final class Ft4Signatures implements ChainSignatureScheme {

    @Override
    public Chain chain() {
        return Chain.FT4;
    }

    /** FT4 {@code {signer, signature}}: 64-byte r ‖ s over the transaction digest (postchain-client signs it as is). */
    @Override
    public String signer(byte[] digest, SignatureEntry entry) throws SignatureException {
        String signer = ChainSignatures.signer(entry, "an FT4 signature");
        String keyHex = signer.startsWith("0x") || signer.startsWith("0X") ? signer.substring(2) : signer;
        if (keyHex.length() == 40) {
            throw new SignatureException("signer `" + signer + "` is an EVM address: only secp256k1 public-key signers are supported");
        }
        byte[] key = ChainSignatures.hex(keyHex, 33, "an FT4 signer");
        String sig = entry.signature().startsWith("0x") ? entry.signature().substring(2) : entry.signature();
        ChainSignatures.verifyLowS(digest, ChainSignatures.hex(sig, ChainSignatures.RS_LENGTH, "an FT4 signature"), key, signer);
        return HexFormat.of().formatHex(key);
    }
}
