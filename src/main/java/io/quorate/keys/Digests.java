package io.quorate.keys;

import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.Blake2bDigest;
import org.bouncycastle.crypto.digests.RIPEMD160Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;

/** The hashes the key formats use, over the concatenation of their arguments. */
public final class Digests {

    private Digests() {
    }

    public static byte[] sha256(byte[]... parts) {
        return digest(new SHA256Digest(), parts);
    }

    public static byte[] ripemd160(byte[]... parts) {
        return digest(new RIPEMD160Digest(), parts);
    }

    public static byte[] blake2b256(byte[]... parts) {
        return digest(new Blake2bDigest(256), parts);
    }

    private static byte[] digest(Digest digest, byte[]... parts) {
        for (byte[] part : parts) {
            digest.update(part, 0, part.length);
        }
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return out;
    }
}
