package io.quorate.chain.ft4;

import io.quorate.keys.Curves;
import io.quorate.keys.KeyFormatException;
import io.quorate.keys.KeyId;
import io.quorate.keytool.ChainKeyTool;
import io.quorate.keytool.KeyForm;
import io.quorate.keytool.KeyPairs;
import io.quorate.keytool.NewKey;
import io.quorate.keytool.PublicKey;
import io.quorate.policy.Chain;
import io.quorate.policy.KeyRef;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

/** Chromia FT4 key pairs: hex secp256k1 keys, and the id of an account registered with the key alone. */
public final class Ft4KeyTool implements ChainKeyTool {

    private static final HexFormat HEX = HexFormat.of();

    @Override
    public Chain chain() {
        return Chain.FT4;
    }

    @Override
    public NewKey generate(String algorithm, SecureRandom random) {
        byte[] secret = KeyPairs.secp256k1PrivateKey(random);
        return new NewKey(chain().id(), algorithm, HEX.formatHex(KeyPairs.secp256k1PublicKey(secret)),
                List.of(new KeyForm(chain().id(), "hex", HEX.formatHex(secret), false)));
    }

    @Override
    public PublicKey parse(String text) throws KeyFormatException {
        if (!Ft4Keys.looksLikeKey(text)) return null;
        KeyId id = Ft4Keys.decode(text);
        if (id.canonical().startsWith("evm:")) {
            return new PublicKey(PublicKey.EVM_ADDRESS, HEX.parseHex(id.canonical().substring("evm:".length())));
        }
        return KeyPairs.fromKeyId(id);
    }

    @Override
    public List<KeyForm> forms(PublicKey key) {
        return switch (key.algorithm()) {
            case PublicKey.SECP256K1 -> {
                String hex = HEX.formatHex(key.bytes());
                String accountId = Ft4Ids.accountId(List.of(new KeyRef(hex, Curves.SECP256K1.keyId(key.bytes()))));
                yield List.of(new KeyForm(chain().id(), "public key", hex, true),
                        new KeyForm(chain().id(), "account id (single signer)", accountId, false));
            }
            case PublicKey.EVM_ADDRESS -> List.of(new KeyForm(chain().id(), "EVM address", "0x" + HEX.formatHex(key.bytes()), false));
            default -> List.of();
        };
    }
}
