package io.quorate.chain.eos;

import static io.quorate.keys.TestKeys.EOS_K1;
import static io.quorate.keys.TestKeys.EOS_KEY_HEX;
import static io.quorate.keys.TestKeys.EOS_LEGACY;
import static io.quorate.keys.TestKeys.checksummed;
import static io.quorate.keys.TestKeys.compressedWithX;
import static io.quorate.keys.TestKeys.replaceAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.keys.Curves;
import io.quorate.keys.Hex;
import io.quorate.keys.KeyFormatException;
import io.quorate.keys.KeyId;
import io.quorate.keys.Secp256k1;
import java.math.BigInteger;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class EosKeysTest {

    @Test
    void legacy_and_pub_k1_spellings_are_the_same_key() throws KeyFormatException {
        KeyId legacy = EosKeys.decode(EOS_LEGACY);
        assertEquals(legacy, EosKeys.decode(EOS_K1));
        assertEquals(new KeyId("secp256k1:" + EOS_KEY_HEX), legacy);
    }

    @Test
    void pub_r1_keys_from_antelope_decode_to_secp256r1_ids() throws KeyFormatException {
        assertEquals(new KeyId("secp256r1:02b323ea27d191143eb9ad27c96db15d8b129d3096a0cb17ae11ae26abce803340"),
                EosKeys.decode("PUB_R1_6FPFZqw5ahYrR9jD96yDbbDNTdKtNqRbze6oTDLntrsANgQKZu"));
    }

    @Test
    void encoders_round_trip_through_decode() throws KeyFormatException {
        for (long seed = 0; seed < 20; seed++) {
            byte[] point = Secp256k1.publicKeyFromSeed(seed);
            KeyId id = new KeyId("secp256k1:" + Hex.encode(point));
            assertEquals(id, EosKeys.decode(EosKeys.legacy(point)));
            assertEquals(id, EosKeys.decode(EosKeys.pubK1(point)));
        }
    }

    @Test
    void pub_r1_encoder_round_trips_through_decode() throws KeyFormatException {
        byte[] point = Curves.SECP256R1.params().getG().multiply(BigInteger.valueOf(123456789)).getEncoded(true);
        String text = EosKeys.pubR1(point);
        assertTrue(text.startsWith("PUB_R1_"), text);
        assertEquals(new KeyId("secp256r1:" + Hex.encode(point)), EosKeys.decode(text));
    }

    @Test
    void a_mistyped_character_fails_the_checksum() {
        String typo = replaceAt(EOS_LEGACY, 10, 'R');
        KeyFormatException e = assertThrows(KeyFormatException.class, () -> EosKeys.decode(typo));
        assertEquals("checksum mismatch: the key is mistyped or truncated", e.getMessage());
        assertEquals("copy the key again from the wallet", e.help());
    }

    @Test
    void a_k1_checksum_does_not_pass_as_an_r1_checksum() {
        String r1 = "PUB_R1_" + EOS_K1.substring("PUB_K1_".length());
        KeyFormatException e = assertThrows(KeyFormatException.class, () -> EosKeys.decode(r1));
        assertEquals("checksum mismatch: the key is mistyped or truncated", e.getMessage());
    }

    @Test
    void a_legacy_body_under_the_pub_k1_prefix_fails_the_checksum() {
        String mixed = "PUB_K1_" + EOS_LEGACY.substring(3);
        assertThrows(KeyFormatException.class, () -> EosKeys.decode(mixed));
    }

    @Test
    void a_truncated_key_reports_its_length() {
        KeyFormatException e = assertThrows(KeyFormatException.class, () -> EosKeys.decode(EOS_LEGACY.substring(0, 43)));
        assertEquals("EOS keys are 50 characters after the `EOS` prefix, got 40", e.getMessage());
        assertTrue(e.help().contains("truncated"), e.help());
    }

    @Test
    void a_key_with_extra_characters_reports_its_length() {
        KeyFormatException e = assertThrows(KeyFormatException.class, () -> EosKeys.decode(EOS_K1 + "x"));
        assertEquals("EOS keys are 50 characters after the `PUB_K1_` prefix, got 51", e.getMessage());
    }

    @Test
    void a_character_outside_base58_is_reported_at_its_position_in_the_whole_key() {
        String typo = replaceAt(EOS_LEGACY, 11, '0');
        KeyFormatException e = assertThrows(KeyFormatException.class, () -> EosKeys.decode(typo));
        assertEquals("character `0` at position 12 is not base58", e.getMessage());
    }

    @Test
    void bytes_off_the_curve_are_rejected_even_with_a_good_checksum() {
        byte[] offK1 = compressedWithX(5);
        KeyFormatException e = assertThrows(KeyFormatException.class,
                () -> EosKeys.decode(checksummed("EOS", offK1, "")));
        assertEquals("the key's bytes are not a point on the secp256k1 curve", e.getMessage());
        assertThrows(KeyFormatException.class, () -> EosKeys.decode(checksummed("PUB_K1_", offK1, "K1")));
        byte[] offR1 = compressedWithX(7);
        e = assertThrows(KeyFormatException.class, () -> EosKeys.decode(checksummed("PUB_R1_", offR1, "R1")));
        assertEquals("the key's bytes are not a point on the secp256r1 curve", e.getMessage());
    }

    @Test
    void an_x_coordinate_beyond_the_field_is_not_a_point() {
        byte[] bytes = new byte[33];
        Arrays.fill(bytes, (byte) 0xff);
        bytes[0] = 3;
        assertThrows(KeyFormatException.class, () -> EosKeys.decode(checksummed("EOS", bytes, "")));
    }

    @Test
    void a_leading_byte_other_than_02_or_03_is_named() {
        byte[] point = Secp256k1.publicKeyFromSeed(1);
        point[0] = 4;
        KeyFormatException e = assertThrows(KeyFormatException.class,
                () -> EosKeys.decode(checksummed("EOS", point, "")));
        assertEquals("a compressed secp256k1 key starts with byte `02` or `03`, got `04`", e.getMessage());
    }

    @Test
    void webauthn_keys_are_refused_by_name() {
        KeyFormatException e = assertThrows(KeyFormatException.class,
                () -> EosKeys.decode("PUB_WA_8PPYTWYNkRqrveNAoX7PJWDtSqDUp3c29QGBfr6MD9EaLocaPBmsk5QAHWq4vEQt2"));
        assertEquals("WebAuthn keys (`PUB_WA_…`) are not supported", e.getMessage());
    }

    @Test
    void text_without_an_eos_prefix_is_not_an_eos_key() {
        KeyFormatException e = assertThrows(KeyFormatException.class, () -> EosKeys.decode("alice"));
        assertEquals("`alice` is not an EOS public key", e.getMessage());
    }

    @Test
    void mistyped_and_truncated_keys_still_look_like_keys() {
        assertTrue(EosKeys.looksLikeKey(EOS_LEGACY));
        assertTrue(EosKeys.looksLikeKey(EOS_K1));
        assertTrue(EosKeys.looksLikeKey(replaceAt(EOS_LEGACY, 11, '0')));
        assertTrue(EosKeys.looksLikeKey(EOS_LEGACY.substring(0, 30)));
        assertTrue(EosKeys.FORMAT.looksLikeKey("PUB_R1_6FPFZqw5ahYrR9jD96yDbbDNTdKtNqRbze6oTDLntrsANgQKZu"));
    }

    @Test
    void key_names_do_not_look_like_keys() {
        assertFalse(EosKeys.looksLikeKey("alice"));
        assertFalse(EosKeys.looksLikeKey("EOSvault"));
        assertFalse(EosKeys.looksLikeKey("partner11111@active"));
        assertFalse(EosKeys.looksLikeKey("EOS_treasury_signer_number_one"));
    }

    @Test
    void encoders_refuse_bytes_that_are_not_a_point() {
        assertThrows(IllegalArgumentException.class, () -> EosKeys.legacy(compressedWithX(5)));
        assertThrows(IllegalArgumentException.class, () -> EosKeys.pubK1(new byte[32]));
    }
}
