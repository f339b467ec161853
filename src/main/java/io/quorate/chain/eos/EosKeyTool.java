package io.quorate.chain.eos;

import io.quorate.keys.KeyFormatException;
import io.quorate.keys.PrivateKeyText;
import io.quorate.keytool.ChainKeyTool;
import io.quorate.keytool.KeyForm;
import io.quorate.keytool.KeyPairs;
import io.quorate.keytool.NewKey;
import io.quorate.keytool.PublicKey;
import io.quorate.policy.Chain;
import java.security.SecureRandom;
import java.util.List;

/** Antelope key pairs: {@code PUB_K1_…} public keys, {@code PVT_K1_…} and legacy WIF private keys. */
public final class EosKeyTool implements ChainKeyTool {

    @Override
    public Chain chain() {
        return Chain.EOS;
    }

    @Override
    public NewKey generate(String algorithm, SecureRandom random) {
        byte[] secret = KeyPairs.secp256k1PrivateKey(random);
        byte[] point = KeyPairs.secp256k1PublicKey(secret);
        return new NewKey(chain().id(), algorithm, EosKeys.pubK1(point), List.of(
                new KeyForm(chain().id(), "PVT_K1", PrivateKeyText.checksummed("PVT_K1_", secret, "K1"), false),
                new KeyForm(chain().id(), "legacy WIF", PrivateKeyText.wif(secret), false)));
    }

    @Override
    public PublicKey parse(String text) throws KeyFormatException {
        if (!EosKeys.looksLikeKey(text)) return null;
        return KeyPairs.fromKeyId(EosKeys.decode(text));
    }

    @Override
    public List<KeyForm> forms(PublicKey key) {
        return switch (key.algorithm()) {
            case PublicKey.SECP256K1 -> List.of(new KeyForm(chain().id(), "PUB_K1", EosKeys.pubK1(key.bytes()), true),
                    new KeyForm(chain().id(), "legacy", EosKeys.legacy(key.bytes()), true));
            case PublicKey.SECP256R1 -> List.of(new KeyForm(chain().id(), "PUB_R1", EosKeys.pubR1(key.bytes()), true));
            default -> List.of();
        };
    }
}
