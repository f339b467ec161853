package io.quorate.chain.hive;

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

/** Hive key pairs: {@code STM…} public keys and WIF private keys. */
public final class HiveKeyTool implements ChainKeyTool {

    @Override
    public Chain chain() {
        return Chain.HIVE;
    }

    @Override
    public NewKey generate(String algorithm, SecureRandom random) {
        byte[] secret = KeyPairs.secp256k1PrivateKey(random);
        return new NewKey(chain().id(), algorithm, HiveKeys.stm(KeyPairs.secp256k1PublicKey(secret)),
                List.of(new KeyForm(chain().id(), "WIF", PrivateKeyText.wif(secret), false)));
    }

    @Override
    public PublicKey parse(String text) throws KeyFormatException {
        if (!HiveKeys.looksLikeKey(text)) return null;
        return KeyPairs.fromKeyId(HiveKeys.decode(text));
    }

    @Override
    public List<KeyForm> forms(PublicKey key) {
        return key.algorithm().equals(PublicKey.SECP256K1)
                ? List.of(new KeyForm(chain().id(), "STM", HiveKeys.stm(key.bytes()), true))
                : List.of();
    }
}
