package io.quorate.chain.hive;

import static io.quorate.keys.TestKeys.EOS_KEY_HEX;
import static io.quorate.keys.TestKeys.EOS_LEGACY;
import static io.quorate.keys.TestKeys.checksummed;
import static io.quorate.keys.TestKeys.compressedWithX;
import static io.quorate.keys.TestKeys.replaceAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.chain.eos.EosKeys;
import io.quorate.keys.Hex;
import io.quorate.keys.KeyFormatException;
import io.quorate.keys.KeyId;
import io.quorate.keys.Secp256k1;
import java.util.List;
import org.junit.jupiter.api.Test;

class HiveKeysTest {

    /** Keys of the multisig example account in the Hive developer portal's tutorial. */
    private static final List<String> TUTORIAL_KEYS = List.of(
            "STM5iLWNocQk8UDUVpuGytJkmLiEuK9XYvyMH3yYRdXhW6qGqbWA4",
            "STM6AFxvirq6P1XTeiYEwfTCMXivJsg9wmZDBrWxG5fQkvgzRZwHX",
            "STM6Ukq4htXhnkKDdR45XgCLJY8a8eJV9ndUmLBT32ktPzYdvqPJy",
            "STM6qpVTxhWBuKUFgUHgymuQrtRwZ16bWmyZVf7ba4QzoYypEXS5X",
            "STM75MGQ6WLhSqNoUYsm6oXeGp3R5KPpaKgtoLUHTtcS5vhrWmrtJ",
            "STM7JNWU2b2DBMp9WZRGHKqE7hQA9MKn2URLBCMfU95p29vzAQn8F",
            "STM8Hp2EPPgddvQRGYUFomX5v8ixh1LeoFKk3FCTxMwkSvzieGrDg");

    @Test
    void keys_from_the_hive_multisig_tutorial_decode() throws KeyFormatException {
        assertEquals(new KeyId("secp256k1:033d9e816ba8765ea7a634e0eb307fd56a3169389fccc78d00154d6684f3eb5ae7"),
                HiveKeys.decode("STM7JNWU2b2DBMp9WZRGHKqE7hQA9MKn2URLBCMfU95p29vzAQn8F"));
        for (String key : TUTORIAL_KEYS) {
            assertTrue(HiveKeys.decode(key).canonical().startsWith("secp256k1:"), key);
        }
    }

    @Test
    void stm_and_eos_legacy_spellings_of_one_point_are_the_same_key() throws KeyFormatException {
        String stm = "STM" + EOS_LEGACY.substring(3);
        assertEquals(new KeyId("secp256k1:" + EOS_KEY_HEX), HiveKeys.decode(stm));
        assertEquals(EosKeys.decode(EOS_LEGACY), HiveKeys.decode(stm));
    }

    @Test
    void testnet_prefix_decodes_to_the_same_key() throws KeyFormatException {
        String key = TUTORIAL_KEYS.get(0);
        assertEquals(HiveKeys.decode(key), HiveKeys.decode("TST" + key.substring(3)));
    }

    @Test
    void stm_encoder_round_trips_through_decode() throws KeyFormatException {
        for (long seed = 100; seed < 120; seed++) {
            byte[] point = Secp256k1.publicKeyFromSeed(seed);
            assertEquals(new KeyId("secp256k1:" + Hex.encode(point)), HiveKeys.decode(HiveKeys.stm(point)));
        }
    }

    @Test
    void a_mistyped_character_fails_the_checksum() {
        String typo = replaceAt(TUTORIAL_KEYS.get(5), 20, 'z');
        KeyFormatException e = assertThrows(KeyFormatException.class, () -> HiveKeys.decode(typo));
        assertEquals("checksum mismatch: the key is mistyped or truncated", e.getMessage());
    }

    @Test
    void a_truncated_key_reports_its_length() {
        KeyFormatException e = assertThrows(KeyFormatException.class,
                () -> HiveKeys.decode(TUTORIAL_KEYS.get(5).substring(0, 50)));
        assertEquals("Hive keys are 50 characters after the `STM` prefix, got 47", e.getMessage());
    }

    @Test
    void a_character_outside_base58_is_reported() {
        String typo = replaceAt(TUTORIAL_KEYS.get(5), 3, 'I');
        KeyFormatException e = assertThrows(KeyFormatException.class, () -> HiveKeys.decode(typo));
        assertEquals("character `I` at position 4 is not base58", e.getMessage());
    }

    @Test
    void bytes_off_the_curve_are_rejected_even_with_a_good_checksum() {
        KeyFormatException e = assertThrows(KeyFormatException.class,
                () -> HiveKeys.decode(checksummed("STM", compressedWithX(7), "")));
        assertEquals("the key's bytes are not a point on the secp256k1 curve", e.getMessage());
    }

    @Test
    void other_prefixes_are_not_hive_keys() {
        KeyFormatException e = assertThrows(KeyFormatException.class, () -> HiveKeys.decode(EOS_LEGACY));
        assertEquals("`" + EOS_LEGACY + "` is not a Hive public key", e.getMessage());
    }

    @Test
    void keys_look_like_keys_and_account_names_do_not() {
        assertTrue(HiveKeys.looksLikeKey(TUTORIAL_KEYS.get(0)));
        assertTrue(HiveKeys.looksLikeKey(replaceAt(TUTORIAL_KEYS.get(0), 9, '0')));
        assertTrue(HiveKeys.FORMAT.looksLikeKey("TST" + TUTORIAL_KEYS.get(0).substring(3)));
        assertFalse(HiveKeys.looksLikeKey("test.auth"));
        assertFalse(HiveKeys.looksLikeKey("STMbackup"));
    }
}
