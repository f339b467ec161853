package io.quorate.chain.casper;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.keys.Digests;
import io.quorate.keys.Ed25519Keys;
import io.quorate.keys.Hex;
import io.quorate.keys.KeyFormatException;
import io.quorate.keys.KeyId;
import io.quorate.keys.Secp256k1;
import io.quorate.keys.TestKeys;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class CasperKeysTest {

    /** The primary account of Casper's multi-sig tutorial, and its account hash from the tutorial's output. */
    private static final String ED25519_KEY = "01360af61b50cdcb7b92cffe2c99315d413d34ef77fadee0c105cc4f1d4120f986";
    private static final String ACCOUNT_HASH =
            "account-hash-1ed5a1c39bea93c105f2d22c965a84b205b36734a377d05dbb103b6bfaa595a7";

    @Test
    void the_account_hash_of_an_ed25519_key_matches_the_chain() throws KeyFormatException {
        assertEquals(ACCOUNT_HASH, CasperKeys.accountHash(ED25519_KEY));
    }

    @Test
    void a_public_key_and_its_account_hash_are_the_same_key() throws KeyFormatException {
        KeyId id = CasperKeys.decode(ED25519_KEY);
        assertEquals(id, CasperKeys.decode(ACCOUNT_HASH));
        assertEquals(new KeyId("casper:1ed5a1c39bea93c105f2d22c965a84b205b36734a377d05dbb103b6bfaa595a7"), id);
    }

    @Test
    void hex_is_read_in_either_case() throws KeyFormatException {
        KeyId id = CasperKeys.decode(ED25519_KEY);
        assertEquals(id, CasperKeys.decode(ED25519_KEY.toUpperCase(Locale.ROOT)));
        assertEquals(id, CasperKeys.decode("01360Af61B50cdcb7b92cffe2c99315d413D34ef77fadee0c105cc4f1d4120F986"));
        assertEquals(id, CasperKeys.decode("account-hash-" + ACCOUNT_HASH.substring(13).toUpperCase(Locale.ROOT)));
        assertEquals(ACCOUNT_HASH, CasperKeys.accountHash(ED25519_KEY.toUpperCase(Locale.ROOT)));
    }

    @Test
    void secp256k1_keys_hash_under_their_own_algorithm_name() throws KeyFormatException {
        byte[] point = Secp256k1.publicKeyFromSeed(7);
        String tagged = CasperKeys.tagged(CasperKeys.SECP256K1, point);
        assertEquals("02" + Hex.encode(point), tagged);
        byte[] expected = Digests.blake2b256("secp256k1".getBytes(), new byte[] {0}, point);
        assertArrayEquals(expected, CasperKeys.accountHashOf(CasperKeys.SECP256K1, point));
        assertEquals(new KeyId("casper:" + Hex.encode(expected)), CasperKeys.decode(tagged));
    }

    @Test
    void the_same_bytes_under_different_algorithms_are_different_accounts() {
        byte[] raw = Ed25519Keys.publicKeyFromSeed(1);
        byte[] padded = new byte[33];
        System.arraycopy(raw, 0, padded, 1, 32);
        assertNotEquals(Hex.encode(CasperKeys.accountHashOf(CasperKeys.ED25519, raw)),
                Hex.encode(CasperKeys.accountHashOf(CasperKeys.SECP256K1, padded)));
    }

    @Test
    void ed25519_keys_from_seeds_round_trip_through_their_account_hash() throws KeyFormatException {
        for (long seed = 0; seed < 20; seed++) {
            String tagged = CasperKeys.tagged(CasperKeys.ED25519, Ed25519Keys.publicKeyFromSeed(seed));
            assertEquals(CasperKeys.decode(tagged), CasperKeys.decode(CasperKeys.accountHash(tagged)));
        }
    }

    @Test
    void an_ed25519_key_of_the_wrong_length_is_reported() {
        KeyFormatException e = assertThrows(KeyFormatException.class,
                () -> CasperKeys.decode(ED25519_KEY.substring(0, 64)));
        assertEquals("ed25519 keys are 66 hex characters including the `01` tag, got 64", e.getMessage());
    }

    @Test
    void a_secp256k1_key_of_the_wrong_length_is_reported() {
        KeyFormatException e = assertThrows(KeyFormatException.class,
                () -> CasperKeys.decode("02" + ED25519_KEY.substring(2)));
        assertEquals("secp256k1 keys are 68 hex characters including the `02` tag, got 66", e.getMessage());
    }

    @Test
    void an_account_hash_of_the_wrong_length_is_reported() {
        KeyFormatException e = assertThrows(KeyFormatException.class, () -> CasperKeys.decode(ACCOUNT_HASH + "00"));
        assertEquals("account hashes are 64 hex characters after `account-hash-`, got 66", e.getMessage());
    }

    @Test
    void a_character_outside_hex_is_reported_at_its_position() {
        KeyFormatException e = assertThrows(KeyFormatException.class,
                () -> CasperKeys.decode(TestKeys.replaceAt(ED25519_KEY, 9, 'g')));
        assertEquals("character `g` at position 10 is not hex", e.getMessage());
        e = assertThrows(KeyFormatException.class, () -> CasperKeys.decode(TestKeys.replaceAt(ACCOUNT_HASH, 13, 'x')));
        assertEquals("character `x` at position 14 is not hex", e.getMessage());
    }

    @Test
    void an_unknown_tag_is_named() {
        KeyFormatException e = assertThrows(KeyFormatException.class,
                () -> CasperKeys.decode("03" + ED25519_KEY.substring(2)));
        assertEquals("tag `03` is not a Casper key algorithm", e.getMessage());
    }

    @Test
    void secp256k1_bytes_off_the_curve_are_rejected() {
        KeyFormatException e = assertThrows(KeyFormatException.class,
                () -> CasperKeys.decode("02" + Hex.encode(TestKeys.compressedWithX(5))));
        assertEquals("the key's bytes are not a point on the secp256k1 curve", e.getMessage());
    }

    @Test
    void ed25519_bytes_off_the_curve_are_rejected() {
        KeyFormatException e = assertThrows(KeyFormatException.class, () -> CasperKeys.decode("01" + "00".repeat(32)));
        assertEquals("the key's bytes are not a point on the ed25519 curve", e.getMessage());
    }

    @Test
    void key_names_are_not_casper_keys() {
        KeyFormatException e = assertThrows(KeyFormatException.class, () -> CasperKeys.decode("user_1"));
        assertEquals("`user_1` is not a Casper public key", e.getMessage());
        assertFalse(CasperKeys.looksLikeKey("user_1"));
        assertFalse(CasperKeys.looksLikeKey("treasury"));
    }

    @Test
    void tagged_keys_and_account_hashes_look_like_keys_even_when_mistyped() {
        assertTrue(CasperKeys.looksLikeKey(ED25519_KEY));
        assertTrue(CasperKeys.looksLikeKey(ACCOUNT_HASH));
        assertTrue(CasperKeys.looksLikeKey("account-hash-1ed5"));
        assertTrue(CasperKeys.looksLikeKey(TestKeys.replaceAt(ED25519_KEY, 9, 'g')));
        assertTrue(CasperKeys.FORMAT.looksLikeKey(ED25519_KEY.substring(0, 62)));
    }

    @Test
    void account_hash_of_rejects_unknown_tags_and_wrong_lengths() {
        assertThrows(IllegalArgumentException.class, () -> CasperKeys.accountHashOf(3, new byte[32]));
        assertThrows(IllegalArgumentException.class, () -> CasperKeys.accountHashOf(CasperKeys.ED25519, new byte[33]));
    }
}
