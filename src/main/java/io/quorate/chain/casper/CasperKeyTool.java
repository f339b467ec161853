package io.quorate.chain.casper;

import io.quorate.keys.KeyFormatException;
import io.quorate.keytool.ChainKeyTool;
import io.quorate.keytool.KeyForm;
import io.quorate.keytool.KeyPairs;
import io.quorate.keytool.NewKey;
import io.quorate.keytool.PublicKey;
import io.quorate.policy.Chain;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.util.Arrays;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * Casper key pairs as {@code casper-client keygen} writes them: tagged hex public keys, and the
 * secret key as PEM (ed25519: PKCS#8 {@code PRIVATE KEY}; secp256k1: SEC 1 {@code EC PRIVATE KEY}).
 */
public final class CasperKeyTool implements ChainKeyTool {

    /** PKCS#8 v1 (RFC 8410): SEQUENCE { INTEGER 0, SEQUENCE { OID 1.3.101.112 }, OCTET STRING { OCTET STRING (32) } }. */
    private static final byte[] ED25519_DER_PREFIX = HexFormat.of().parseHex("302e020100300506032b657004220420");
    /** SEC 1 (C.4): SEQUENCE { INTEGER 1, OCTET STRING (32) … }, then [0] { OID 1.3.132.0.10 }, as casper-node writes it. */
    private static final byte[] SECP256K1_DER_PREFIX = HexFormat.of().parseHex("302e0201010420");
    private static final byte[] SECP256K1_DER_SUFFIX = HexFormat.of().parseHex("a00706052b8104000a");

    @Override
    public Chain chain() {
        return Chain.CASPER;
    }

    @Override
    public List<String> algorithms() {
        return List.of(PublicKey.ED25519, PublicKey.SECP256K1);
    }

    @Override
    public NewKey generate(String algorithm, SecureRandom random) {
        if (algorithm.equals(PublicKey.SECP256K1)) {
            byte[] secret = KeyPairs.secp256k1PrivateKey(random);
            String publicKey = CasperKeys.tagged(CasperKeys.SECP256K1, KeyPairs.secp256k1PublicKey(secret));
            String pem = pem("EC PRIVATE KEY", Arrays.concatenate(SECP256K1_DER_PREFIX, secret, SECP256K1_DER_SUFFIX));
            return new NewKey(chain().id(), algorithm, publicKey, List.of(new KeyForm(chain().id(), "secret_key.pem", pem, false)));
        }
        byte[] secret = KeyPairs.ed25519PrivateKey(random);
        String publicKey = CasperKeys.tagged(CasperKeys.ED25519, KeyPairs.ed25519PublicKey(secret));
        String pem = pem("PRIVATE KEY", Arrays.concatenate(ED25519_DER_PREFIX, secret));
        return new NewKey(chain().id(), algorithm, publicKey, List.of(new KeyForm(chain().id(), "secret_key.pem", pem, false)));
    }

    private static String pem(String type, byte[] der) {
        StringWriter text = new StringWriter();
        try (PemWriter writer = new PemWriter(text)) {
            writer.writeObject(new PemObject(type, der));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    @Override
    public PublicKey parse(String text) throws KeyFormatException {
        if (!CasperKeys.looksLikeKey(text)) return null;
        byte[] hash = HexFormat.of().parseHex(CasperKeys.decode(text).canonical().substring("casper:".length()));
        if (text.startsWith(CasperKeys.ACCOUNT_HASH)) return new PublicKey(PublicKey.CASPER_ACCOUNT_HASH, hash);
        byte[] raw = HexFormat.of().parseHex(text.substring(2));
        return new PublicKey(text.startsWith("01") ? PublicKey.ED25519 : PublicKey.SECP256K1, raw);
    }

    @Override
    public List<KeyForm> forms(PublicKey key) {
        int tag = switch (key.algorithm()) {
            case PublicKey.ED25519 -> CasperKeys.ED25519;
            case PublicKey.SECP256K1 -> CasperKeys.SECP256K1;
            case PublicKey.CASPER_ACCOUNT_HASH -> 0;
            default -> -1;
        };
        if (tag < 0) return List.of();
        if (tag == 0) {
            return List.of(new KeyForm(chain().id(), "account hash", CasperKeys.ACCOUNT_HASH + HexFormat.of().formatHex(key.bytes()), false));
        }
        byte[] hash = CasperKeys.accountHashOf(tag, key.bytes());
        return List.of(new KeyForm(chain().id(), "public key", CasperKeys.tagged(tag, key.bytes()), true),
                new KeyForm(chain().id(), "account hash", CasperKeys.ACCOUNT_HASH + HexFormat.of().formatHex(hash), false));
    }
}
