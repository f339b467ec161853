package io.quorate.chain.ft4;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.quorate.chains.IdVectors;
import io.quorate.keys.KeyFormatException;
import io.quorate.policy.KeyRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class Ft4IdsTest {

    static final String SINGLESIG = "022672944E1D542487601145FF42B2953F32CC7DA1167EBD3D0087954816EDD146";
    static final String ALICE = "03F5A2656BC6DB03A8F85C2FD3FD32D72515D1435BB0869A28FFB49185E23E25D6";
    static final String BOB = "02AB13E8808E8AC7A8CAD65660A189FF3744063D6B48C4BC5236F44F98A333CD41";
    static final String CHARLIE = "03B7EF6C5948022298051E57521CE56075A16A883516240021BD337C8A6E7DDD13";
    static final String DAN = "035C9040EB3FF858BDA4FB0FF8737A02EFDA2CD74AD07BB5A2F18217795BBF67AC";

    @Test
    void the_tutorial_single_sig_main_descriptor_has_the_id_chr_printed() {
        AuthDescriptor d = descriptor("main", List.of(SINGLESIG), null, List.of("A", "T"), null);
        assertEquals("E6D0B18FD6BEE8EBE8E514DF55B46E5977FC4B3E16569B9D5A3C62FE050124A3", Ft4Ids.descriptorId(d));
    }

    @Test
    void the_tutorial_2_of_3_descriptor_has_the_id_chr_printed() {
        AuthDescriptor d = descriptor("owners", List.of(ALICE, BOB, CHARLIE), 2, List.of("A", "T"), null);
        assertEquals("CF59942E080205C7FE6CC3164D868D401EA2094A77104E19484363483E4808B5", Ft4Ids.descriptorId(d));
    }

    @Test
    void dans_time_locked_descriptor_has_the_id_chr_printed() {
        AuthDescriptor d = descriptor("dan", List.of(DAN), null, List.of("T"),
                new Ft4Rule.Comparison("gt", "block_height", 1876543210123L, null));
        assertEquals("C38D2D5EBD3835263148893C7F432CCF66D6D43A7BE031DA73630B2C9645426E", Ft4Ids.descriptorId(d));
    }

    @Test
    void the_tutorial_account_id_comes_from_the_registering_key() {
        assertEquals("885A6648772AB9615CCD88D25201402F734B43EF20DA959623591B0DCA5098C5", Ft4Ids.accountId(List.of(key(SINGLESIG))));
    }

    @TestFactory
    Stream<DynamicTest> descriptor_ids_match_chromia_ft4() {
        return IdVectors.cases("ft4_descriptors").stream().map(c -> DynamicTest.dynamicTest(c.get("name").asText(), () -> {
            List<String> flags = new ArrayList<>();
            c.get("flags").forEach(f -> flags.add(f.asText()));
            List<String> signers = new ArrayList<>();
            c.get("signers").forEach(s -> signers.add(s.asText()));
            Integer required = c.get("auth_type").asText().equals("M") ? c.get("signatures_required").asInt() : null;
            AuthDescriptor d = descriptor("d", signers, required, flags, rules(c.get("rules")));
            assertEquals(c.get("id").asText().toUpperCase(Locale.ROOT), Ft4Ids.descriptorId(d));
        }));
    }

    @TestFactory
    Stream<DynamicTest> account_ids_match_postchain_client() {
        return IdVectors.cases("ft4_accounts").stream().map(c -> DynamicTest.dynamicTest(c.get("name").asText(), () -> {
            List<KeyRef> signers = new ArrayList<>();
            for (JsonNode s : c.get("signers")) signers.add(key(s.asText()));
            assertEquals(c.get("account_id").asText().toUpperCase(Locale.ROOT), Ft4Ids.accountId(signers));
        }));
    }

    static Ft4Rule rules(JsonNode gtv) {
        if (gtv.isNull()) return null;
        if (!gtv.get(0).asText().equals("and")) return comparison(gtv);
        List<Ft4Rule.Comparison> all = new ArrayList<>();
        for (int i = 1; i < gtv.size(); i++) all.add(comparison(gtv.get(i)));
        return new Ft4Rule.And(all, null);
    }

    private static Ft4Rule.Comparison comparison(JsonNode gtv) {
        return new Ft4Rule.Comparison(gtv.get(0).asText(), gtv.get(1).asText(), gtv.get(2).asLong(), null);
    }

    static AuthDescriptor descriptor(String name, List<String> signers, Integer required, List<String> flags, Ft4Rule rules) {
        return new AuthDescriptor(name, false, signers.stream().map(Ft4IdsTest::key).toList(), required, flags, rules, null);
    }

    static KeyRef key(String hex) {
        try {
            return new KeyRef(hex, Ft4Keys.FORMAT.decode(hex));
        } catch (KeyFormatException e) {
            throw new AssertionError(e);
        }
    }
}
