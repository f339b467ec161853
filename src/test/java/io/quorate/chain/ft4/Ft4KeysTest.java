package io.quorate.chain.ft4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.chain.eos.EosKeys;
import io.quorate.keys.Hex;
import io.quorate.keys.KeyFormatException;
import io.quorate.keys.KeyId;
import io.quorate.keys.Secp256k1;
import io.quorate.keys.TestKeys;
import org.junit.jupiter.api.Test;

class Ft4KeysTest {

    /** Bob's key in Chromia's FT4 multi-sig tutorial, written as the tutorial prints it. */
    private static final String BOB = "02AB13E8808E8AC7A8CAD65660A189FF3744063D6B48C4BC5236F44F98A333CD41";
    private static final KeyId BOB_ID = new KeyId("secp256k1:02ab13e8808e8ac7a8cad65660a189ff3744063d6b48c4bc5236f44f98a333cd41");

    @Test
    void a_compressed_public_key_decodes_in_either_case_with_or_without_0x() throws KeyFormatException {
        assertEquals(BOB_ID, Ft4Keys.decode(BOB));
        assertEquals(BOB_ID, Ft4Keys.decode(BOB.toLowerCase()));
        assertEquals(BOB_ID, Ft4Keys.decode("0x" + BOB));
        assertEquals(BOB_ID, Ft4Keys.FORMAT.decode("0X" + BOB.toLowerCase()));
    }

    @Test
    void an_ft4_key_and_an_eos_key_of_one_point_are_the_same_key() throws KeyFormatException {
        assertEquals(EosKeys.decode(TestKeys.EOS_LEGACY), Ft4Keys.decode(TestKeys.EOS_KEY_HEX.toUpperCase()));
    }

    @Test
    void public_keys_from_seeds_round_trip() throws KeyFormatException {
        for (long seed = 0; seed < 20; seed++) {
            byte[] point = Secp256k1.publicKeyFromSeed(seed);
            assertEquals(new KeyId("secp256k1:" + Hex.encode(point)), Ft4Keys.decode(Hex.encode(point)));
        }
    }

    @Test
    void an_evm_address_decodes_to_an_evm_id() throws KeyFormatException {
        KeyId id = Ft4Keys.decode("0x52908400098527886E0F7030069857D2E4169EE7");
        assertEquals(new KeyId("evm:52908400098527886e0f7030069857d2e4169ee7"), id);
        assertEquals(id, Ft4Keys.decode("52908400098527886e0f7030069857d2e4169ee7"));
    }

    @Test
    void a_key_of_another_length_is_reported() {
        KeyFormatException e = assertThrows(KeyFormatException.class, () -> Ft4Keys.decode(BOB.substring(0, 64)));
        assertEquals("FT4 keys are 66 hex characters (a compressed secp256k1 public key) or 40 (an EVM address), got 64",
                e.getMessage());
    }

    @Test
    void a_character_outside_hex_is_reported_at_its_position() {
        KeyFormatException e = assertThrows(KeyFormatException.class,
                () -> Ft4Keys.decode("0x" + TestKeys.replaceAt(BOB, 5, 'O')));
        assertEquals("character `O` at position 8 is not hex", e.getMessage());
    }

    @Test
    void bytes_off_the_curve_are_rejected() {
        KeyFormatException e = assertThrows(KeyFormatException.class,
                () -> Ft4Keys.decode(Hex.encode(TestKeys.compressedWithX(5))));
        assertEquals("the key's bytes are not a point on the secp256k1 curve", e.getMessage());
    }

    @Test
    void an_uncompressed_prefix_is_named() {
        KeyFormatException e = assertThrows(KeyFormatException.class, () -> Ft4Keys.decode("04" + BOB.substring(2)));
        assertEquals("a compressed secp256k1 key starts with byte `02` or `03`, got `04`", e.getMessage());
    }

    @Test
    void hex_strings_look_like_keys_and_signer_names_do_not() {
        assertTrue(Ft4Keys.looksLikeKey(BOB));
        assertTrue(Ft4Keys.looksLikeKey("0x52908400098527886E0F7030069857D2E4169EE7"));
        assertTrue(Ft4Keys.looksLikeKey(TestKeys.replaceAt(BOB, 5, 'O')));
        assertFalse(Ft4Keys.looksLikeKey("alice"));
        assertFalse(Ft4Keys.looksLikeKey("dan"));
        assertFalse(Ft4Keys.looksLikeKey("the_company_signer_for_the_treasury"));
    }
}
