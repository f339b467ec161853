package io.quorate.keys;

import static io.quorate.keys.TestKeys.EOS_LEGACY;
import static io.quorate.keys.TestKeys.WIF;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.chain.eos.EosKeys;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class Secp256k1Test {

    @Test
    void the_eosio_development_wif_gives_the_well_known_public_key() throws KeyFormatException {
        byte[] point = Secp256k1.publicKey(Secp256k1.privateKeyFromWif(WIF));
        assertEquals(EOS_LEGACY, EosKeys.legacy(point));
        assertEquals(TestKeys.EOS_K1, EosKeys.pubK1(point));
    }

    @Test
    void private_key_one_gives_the_generator() {
        assertEquals("0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798",
                Hex.encode(Secp256k1.publicKey(BigInteger.ONE)));
    }

    @Test
    void private_keys_outside_one_to_n_minus_one_are_refused() {
        BigInteger n = Curves.SECP256K1.params().getN();
        assertThrows(IllegalArgumentException.class, () -> Secp256k1.publicKey(BigInteger.ZERO));
        assertThrows(IllegalArgumentException.class, () -> Secp256k1.publicKey(n));
        assertThrows(IllegalArgumentException.class, () -> Secp256k1.publicKey(BigInteger.ONE.negate()));
    }

    @Test
    void a_mistyped_wif_fails_the_checksum_without_repeating_the_key() {
        String typo = TestKeys.replaceAt(WIF, 20, 'A');
        KeyFormatException e = assertThrows(KeyFormatException.class, () -> Secp256k1.privateKeyFromWif(typo));
        assertEquals("checksum mismatch: the private key is mistyped or truncated", e.getMessage());
        assertFalse(e.getMessage().contains(WIF.substring(0, 10)));
    }

    @Test
    void a_truncated_wif_reports_its_decoded_length() {
        KeyFormatException e = assertThrows(KeyFormatException.class,
                () -> Secp256k1.privateKeyFromWif(WIF.substring(0, 45)));
        assertTrue(e.getMessage().startsWith("a WIF private key decodes to 37 bytes"), e.getMessage());
    }

    @Test
    void a_wif_with_another_version_byte_is_refused() {
        byte[] body = new byte[33];
        body[0] = (byte) 0xef;
        body[32] = 1;
        KeyFormatException e = assertThrows(KeyFormatException.class,
                () -> Secp256k1.privateKeyFromWif(withDoubleSha256Checksum(body)));
        assertEquals("a WIF private key starts with version byte `80`, got `ef`", e.getMessage());
    }

    @Test
    void a_compressed_key_wif_gives_the_same_private_key() throws KeyFormatException {
        BigInteger key = Secp256k1.privateKeyFromWif(WIF);
        byte[] body = new byte[34];
        body[0] = (byte) 0x80;
        byte[] raw = key.toByteArray();
        System.arraycopy(raw, raw.length - 32, body, 1, 32);
        body[33] = 1;
        assertEquals(key, Secp256k1.privateKeyFromWif(withDoubleSha256Checksum(body)));
    }

    @Test
    void seeds_give_distinct_deterministic_valid_keys() {
        Set<String> seen = new HashSet<>();
        for (long seed = 0; seed < 100; seed++) {
            byte[] point = Secp256k1.publicKeyFromSeed(seed);
            assertArrayEquals(point, Secp256k1.publicKeyFromSeed(seed));
            assertTrue(Curves.SECP256K1.isCompressedPoint(point));
            assertTrue(seen.add(Hex.encode(point)), "seed " + seed + " repeats a key");
        }
        assertNotEquals(Hex.encode(Secp256k1.publicKeyFromSeed(-1)), Hex.encode(Secp256k1.publicKeyFromSeed(1)));
    }

    private static String withDoubleSha256Checksum(byte[] body) {
        byte[] checksum = Digests.sha256(Digests.sha256(body));
        byte[] all = Arrays.copyOf(body, body.length + 4);
        System.arraycopy(checksum, 0, all, body.length, 4);
        return Base58.encode(all);
    }
}
