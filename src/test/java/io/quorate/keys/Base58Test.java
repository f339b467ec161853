package io.quorate.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class Base58Test {

    @Test
    void encodes_the_bitcoin_alphabet_test_vectors() {
        assertEquals("", Base58.encode(new byte[0]));
        assertEquals("2NEpo7TZRRrLZSi2U", Base58.encode("Hello World!".getBytes()));
        assertEquals("11233QC4", Base58.encode(new byte[] {0, 0, 40, 127, (byte) 180, (byte) 205}));
    }

    @Test
    void leading_zero_bytes_become_leading_ones_and_back() throws KeyFormatException {
        byte[] bytes = {0, 0, 0, 1, 2};
        assertEquals("1115T", Base58.encode(bytes));
        assertArrayEquals(bytes, Base58.decode("1115T"));
        assertArrayEquals(new byte[3], Base58.decode("111"));
    }

    @Test
    void decode_reverses_encode_for_random_bytes() throws KeyFormatException {
        Random random = new Random(58);
        for (int i = 0; i < 200; i++) {
            byte[] bytes = new byte[random.nextInt(40)];
            random.nextBytes(bytes);
            if (bytes.length > 0 && random.nextBoolean()) {
                bytes[0] = 0;
            }
            assertArrayEquals(bytes, Base58.decode(Base58.encode(bytes)));
        }
    }

    @Test
    void a_character_outside_the_alphabet_is_named_with_its_position_from_one() {
        KeyFormatException e = assertThrows(KeyFormatException.class, () -> Base58.decode("6MRyAjQq8ud0hV"));
        assertEquals("character `0` at position 12 is not base58", e.getMessage());
        assertTrue(e.help().contains("leaves out `0`, `O`, `I` and `l`"), e.help());
    }

    @Test
    void whitespace_is_named_rather_than_shown_in_backticks() {
        KeyFormatException e = assertThrows(KeyFormatException.class, () -> Base58.decode("6MRy Aj"));
        assertEquals("whitespace at position 5 is not base58", e.getMessage());
    }

    @Test
    void non_ascii_characters_are_rejected() {
        KeyFormatException e = assertThrows(KeyFormatException.class, () -> Base58.decode("6MRé"));
        assertEquals("character `é` at position 4 is not base58", e.getMessage());
    }

    @Test
    void decode_reverses_encode_up_to_the_longest_text_it_reads() throws KeyFormatException {
        Random random = new Random(69);
        for (int length = 0; length <= 93; length++) {
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);
            if (length > 1) bytes[0] = (byte) (random.nextBoolean() ? 0 : bytes[0]);
            String text = Base58.encode(bytes);
            assertTrue(text.length() <= Base58.MAX_LENGTH, text);
            assertArrayEquals(bytes, Base58.decode(text));
        }
    }

    @Test
    void text_longer_than_any_key_or_signature_is_refused_before_decoding() {
        // 600,000 characters once took 38 s of BigInteger arithmetic
        KeyFormatException e = assertThrows(KeyFormatException.class, () -> Base58.decode("K".repeat(600_000)));
        assertEquals("base58 text of 600000 characters is longer than any key or signature (128 at most)", e.getMessage());
    }
}
