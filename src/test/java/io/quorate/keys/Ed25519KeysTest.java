package io.quorate.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.junit.jupiter.api.Test;

class Ed25519KeysTest {

    @Test
    void seeds_give_distinct_deterministic_valid_keys() {
        Set<String> seen = new HashSet<>();
        for (long seed = 0; seed < 100; seed++) {
            byte[] key = Ed25519Keys.publicKeyFromSeed(seed);
            assertEquals(32, key.length);
            assertArrayEquals(key, Ed25519Keys.publicKeyFromSeed(seed));
            assertTrue(Ed25519.validatePublicKeyFull(key, 0), "seed " + seed + " gives an invalid key");
            assertTrue(seen.add(Hex.encode(key)), "seed " + seed + " repeats a key");
        }
    }
}
