package io.quorate.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What counts as exercised: EOS links, waits and the declared permission; the parts no case reaches. */
class CoverageTest {

    static final String PAYER = """
            quorate: 1
            keys:
              o1:    EOS6sAXWJhx3Ezy6cbyuoeNgMq9ReXTJNnkaJhsCHTV2xHYpwUAVs
              alice: EOS6HaLenbkj14ug3eB6Y1hqMntucXqqgdPKj5oiC9XLMkBSPCyDx
              bob:   EOS5oxkrTb65ovtaYx9cR2sxDxAwu2Kk9AWmwqkUzymxQbJLkDHws
            accounts:
              payer:
                chain: eos
                permissions:
                  owner: {threshold: 1, keys: [{key: o1, weight: 1}]}
                  active:
                    parent: owner
                    threshold: 2
                    keys: [{key: alice, weight: 1}]
                    waits: [{seconds: 3600, weight: 1}]
                  pay: {parent: active, threshold: 1, keys: [{key: bob, weight: 1}]}
                links:
                  eosio.token::transfer: pay
            """;

    static final String TRANSFER_ALLOWED = """
              - name: bob transfers
                transaction: {account: payer, action: eosio.token::transfer, authorization: payer@pay, signatures: [bob]}
                expect: {decision: allow, satisfied_by: payer@pay}
            """;

    static final String TRANSFER_DENIED = """
              - name: carol cannot transfer
                transaction: {account: payer, action: eosio.token::transfer, authorization: payer@pay, signatures: [carol]}
                expect: {decision: deny, reasons: [unsatisfied-authority]}
            """;

    static final String ACTIVE = """
              - name: active needs alice and a delay
                transaction: {account: payer, action: eosio::updateauth, authorization: payer@active}
                each:
                  - {signatures: [alice], context: {delay_sec: 3600}, expect: {decision: allow, satisfied_by: payer@active}}
                  - {signatures: [alice], expect: {decision: deny, reasons: [unsatisfied-authority]}}
                  - {signatures: [carol], context: {delay_sec: 3600}, expect: {decision: deny, reasons: [unsatisfied-authority]}}
            """;

    static final String HEAD = "quorate: 1\nkeys: {carol: EOS8EWkx4K5p924yXzoGVTR5JrRsishmi2kgyuKtmWVRdcL4ny4pR}\ntests:\n";

    /** The uncovered parts as {@code line:column description: allowing/denying}. */
    static List<String> uncovered(Path dir, String tests) throws Exception {
        Files.writeString(dir.resolve("payer.yaml"), PAYER);
        Files.writeString(dir.resolve("payer_test.yaml"), HEAD + tests);
        PolicyTestCommandTest.Run r = PolicyTestCommandTest.run("test", "--coverage", "--format", "json", dir.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        List<String> out = new ArrayList<>();
        for (JsonNode a : new ObjectMapper().readTree(r.out()).get("coverage").get("accounts")) {
            for (JsonNode i : a.get("uncovered")) {
                out.add(i.get("line").asInt() + ":" + i.get("column").asInt() + " " + i.get("item").asText() + ": "
                        + (i.get("allowing").asBoolean() ? "allowing" : "-") + "/" + (i.get("denying").asBoolean() ? "denying" : "-"));
            }
        }
        return out;
    }

    @Test
    void links_waits_and_keys_are_covered_by_a_case_each_way_and_the_untested_owner_is_reported(@TempDir Path dir) throws Exception {
        assertEquals(List.of(
                "10:7 permission `owner`: -/-",
                "10:36 permission `owner`: key `o1`: -/-"), uncovered(dir, TRANSFER_ALLOWED + TRANSFER_DENIED + ACTIVE));
    }

    @Test
    void without_the_denied_transfer_the_link_its_permission_and_key_lack_a_denying_case(@TempDir Path dir) throws Exception {
        assertEquals(List.of(
                "10:7 permission `owner`: -/-",
                "10:36 permission `owner`: key `o1`: -/-",
                "16:7 permission `pay`: allowing/-",
                "16:50 permission `pay`: key `bob`: allowing/-",
                "18:7 link `eosio.token::transfer` → `pay`: allowing/-"), uncovered(dir, TRANSFER_ALLOWED + ACTIVE));
    }

    @Test
    void an_allowing_case_alone_leaves_active_its_key_and_its_wait_without_a_denying_case(@TempDir Path dir) throws Exception {
        String allowOnly = """
                  - name: active with a delay
                    transaction: {account: payer, action: eosio::updateauth, authorization: payer@active, signatures: [alice], context: {delay_sec: 3600}}
                    expect: allow
                """;
        List<String> found = uncovered(dir, TRANSFER_ALLOWED + TRANSFER_DENIED + allowOnly);
        assertEquals(List.of(
                "10:7 permission `owner`: -/-",
                "10:36 permission `owner`: key `o1`: -/-",
                "11:7 permission `active`: allowing/-",
                "14:16 permission `active`: key `alice`: allowing/-",
                "15:17 permission `active`: wait `3600 s`: allowing/-"), found);
    }
}
