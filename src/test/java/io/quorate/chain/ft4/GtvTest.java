package io.quorate.chain.ft4;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quorate.chains.IdVectors;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class GtvTest {

    private static final HexFormat HEX = HexFormat.of();

    @TestFactory
    Stream<DynamicTest> encodes_and_hashes_like_postchain_client() {
        return IdVectors.cases("gtv").stream().map(c -> DynamicTest.dynamicTest(c.get("name").asText(), () -> {
            Object value = IdVectors.value(c.get("value"));
            assertEquals(c.get("encoded").asText(), HEX.formatHex(Gtv.encode(value)), "encoding");
            assertEquals(c.get("hash_v1").asText(), HEX.formatHex(Gtv.hash(value, 1)), "merkle hash version 1");
            assertEquals(c.get("hash_v2").asText(), HEX.formatHex(Gtv.hash(value, 2)), "merkle hash version 2");
        }));
    }

    @Test
    void the_tutorial_account_id_is_the_hash_of_the_registering_key() {
        byte[] key = HEX.parseHex("022672944E1D542487601145FF42B2953F32CC7DA1167EBD3D0087954816EDD146");
        assertEquals("885a6648772ab9615ccd88d25201402f734b43ef20da959623591b0dca5098c5", HEX.formatHex(Gtv.hash(key)));
    }

    @Test
    void version_1_hashes_an_array_of_one_container_as_the_container_itself() {
        List<Object> inner = List.of("A", "T");
        assertArrayEquals(Gtv.hash(inner, 1), Gtv.hash(List.of(inner), 1));
        assertEquals(false, java.util.Arrays.equals(Gtv.hash(inner, 2), Gtv.hash(List.of(inner), 2)));
    }

    @Test
    void a_dict_is_hashed_in_key_order_whatever_order_it_is_given_in() {
        Map<String, Object> a = new java.util.LinkedHashMap<>();
        a.put("b", 1L);
        a.put("a", 2L);
        assertArrayEquals(Gtv.hash(Map.of("a", 2L, "b", 1L)), Gtv.hash(a));
        assertArrayEquals(Gtv.encode(new java.util.TreeMap<>(a)), Gtv.encode(a));
    }

    @Test
    void booleans_are_integers() {
        assertArrayEquals(Gtv.encode(1L), Gtv.encode(true));
        assertArrayEquals(Gtv.encode(0L), Gtv.encode(false));
    }

    @Test
    void values_with_no_gtv_type_are_refused() {
        assertThrows(IllegalArgumentException.class, () -> Gtv.encode(1.5));
        assertThrows(IllegalArgumentException.class, () -> Gtv.hash(Map.of(1, 2)));
        assertThrows(IllegalArgumentException.class, () -> Gtv.hash("x", 3));
    }
}
