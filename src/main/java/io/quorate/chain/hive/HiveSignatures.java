package io.quorate.chain.hive;

import io.quorate.policy.Chain;
import io.quorate.signatures.ChainSignatureScheme;
import io.quorate.signatures.ChainSignatures;
import io.quorate.signatures.CompactSignature;
import io.quorate.signatures.SignatureEntry;
import io.quorate.signatures.SignatureException;

/** How Hive writes a signature, and the key recovered from it. */
public final class HiveSignatures implements ChainSignatureScheme {

    @Override
    public Chain chain() {
        return Chain.HIVE;
    }

    /** Hive: the 65 bytes in hex (header 31-34, r, s), BIP-62 canonical; the key recovered, as STM. */
    @Override
    public String signer(byte[] digest, SignatureEntry entry) throws SignatureException {
        ChainSignatures.noSigner(entry, "Hive");
        byte[] compact = ChainSignatures.hex(entry.signature(), CompactSignature.LENGTH, "a Hive signature");
        return HiveKeys.stm(CompactSignature.recover(compact, digest, CompactSignature.Canonical.BIP_0062));
    }
}
