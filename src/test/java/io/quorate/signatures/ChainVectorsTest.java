package io.quorate.signatures;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.quorate.chain.casper.CasperDeploy;
import io.quorate.chain.eos.EosKeys;
import io.quorate.chain.hive.HiveTransaction;
import io.quorate.keys.Base58;
import io.quorate.policy.Chain;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.crypto.digests.RIPEMD160Digest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every vector written by the chains' own client libraries verifies; altered ones do not. */
class ChainVectorsTest {

    private static final String HEX = "0123456789abcdef";

    @BeforeEach
    void noCache() {
        Verifier.setCaching(false);
    }

    private static Verification verify(Chain chain, String digest, SignatureEntry... entries) {
        return Verifier.verify(chain, Vectors.evidence(digest, entries));
    }

    private static boolean sameKey(Chain chain, String a, String b) throws Exception {
        return chain.keyFormat().decode(a).equals(chain.keyFormat().decode(b));
    }

    @Test
    void eos_signatures_recover_the_keys_wharfkit_recovered() throws Exception {
        JsonNode v = Vectors.load("eos");
        int count = 0;
        for (JsonNode s : v.get("signatures")) {
            Verification r = verify(Chain.EOS, s.get("digest").asText(), SignatureEntry.of(s.get("signature").asText()));
            assertTrue(r.verified(), r.problem());
            assertEquals(s.get("recovered").asText(), r.keys().get(0));
            JsonNode key = v.get("keys").get(s.get("key").asInt());
            assertTrue(sameKey(Chain.EOS, key.get("public_legacy").asText(), r.keys().get(0)));
            count++;
        }
        assertEquals(12, count);
    }

    @Test
    void eos_tampered_digest_recovers_another_key_and_tampered_text_fails_its_checksum() {
        JsonNode s = Vectors.load("eos").get("signatures").get(0);
        String digest = Vectors.tamper(s.get("digest").asText(), 10, HEX);
        Verification other = verify(Chain.EOS, digest, SignatureEntry.of(s.get("signature").asText()));
        assertTrue(!other.verified() || !other.keys().get(0).equals(s.get("recovered").asText()));
        String text = s.get("signature").asText();
        Verification broken = verify(Chain.EOS, s.get("digest").asText(),
                SignatureEntry.of(Vectors.tamper(text, 30, "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz")));
        assertFalse(broken.verified());
        assertEquals(1, broken.failedPosition());
        assertTrue(broken.problem().contains("checksum"), broken.problem());
    }

    @Test
    void eos_rejects_signatures_fc_does_not_call_canonical_though_they_recover_the_key() throws Exception {
        int count = 0;
        for (JsonNode s : Vectors.load("eos").get("noncanonical")) {
            Verification r = verify(Chain.EOS, s.get("digest").asText(), SignatureEntry.of(s.get("signature").asText()));
            assertFalse(r.verified());
            assertTrue(r.problem().contains("not canonical"), r.problem());
            byte[] compact = Arrays.copyOf(Base58.decode(s.get("signature").asText().substring(7)), 65);
            byte[] key = Ecdsa.recover(Vectors.hex(s.get("digest").asText()), new BigInteger(1, Arrays.copyOfRange(compact, 1, 33)),
                    new BigInteger(1, Arrays.copyOfRange(compact, 33, 65)), ((compact[0] & 0xff) - 27) & 3);
            assertEquals(EosKeys.FORMAT.decode(s.get("recovers_to").asText()).canonical(), "secp256k1:" + HexFormat.of().formatHex(key));
            count++;
        }
        assertEquals(6, count);
    }

    @Test
    void hive_signatures_recover_the_keys_dhive_recovered() throws Exception {
        int count = 0;
        for (JsonNode s : Vectors.load("hive").get("signatures")) {
            Verification r = verify(Chain.HIVE, s.get("digest").asText(), SignatureEntry.of(s.get("signature").asText()));
            assertTrue(r.verified(), r.problem());
            assertEquals(s.get("recovered").asText(), r.keys().get(0));
            count++;
        }
        assertEquals(9, count);
    }

    @Test
    void hive_rejects_high_s_and_accepts_bip62_signatures_that_eos_rejects() {
        for (JsonNode s : Vectors.load("hive").get("noncanonical")) {
            Verification r = verify(Chain.HIVE, s.get("digest").asText(), SignatureEntry.of(s.get("signature").asText()));
            assertFalse(r.verified());
            assertTrue(r.problem().contains("BIP-62"), r.problem());
        }
        JsonNode bip62 = Vectors.load("hive").get("bip62_only").get(0);
        Verification hive = verify(Chain.HIVE, bip62.get("digest").asText(), SignatureEntry.of(bip62.get("signature").asText()));
        assertTrue(hive.verified(), hive.problem());
        assertEquals(bip62.get("recovered").asText(), hive.keys().get(0));
        Verification eos = verify(Chain.EOS, bip62.get("digest").asText(), SignatureEntry.of(sigK1(Vectors.hex(bip62.get("signature").asText()))));
        assertFalse(eos.verified());
        assertTrue(eos.problem().contains("fc's canonical rule"), eos.problem());
    }

    @Test
    void hive_transaction_digests_match_dhive_and_their_signatures_name_the_signers() throws Exception {
        int count = 0;
        for (JsonNode t : Vectors.load("hive").get("transactions")) {
            var tree = Vectors.tree(t.get("transaction"));
            byte[] digest = HiveTransaction.digest(tree, t.get("chain_id").asText());
            assertEquals(t.get("digest").asText(), HexFormat.of().formatHex(digest), t.get("name").asText());
            List<SignatureEntry> entries = HiveTransaction.signatures(tree).stream().map(SignatureEntry::of).toList();
            Verification r = Verifier.verify(Chain.HIVE, new Evidence(digest, entries, "hive_transaction"));
            assertTrue(r.verified(), r.problem());
            List<String> signers = new ArrayList<>();
            t.get("signers").forEach(k -> signers.add(k.asText()));
            assertEquals(signers, r.keys());
            count++;
        }
        assertEquals(10, count);
    }

    @Test
    void hive_operations_name_their_accounts_and_roles() {
        List<String> seen = new ArrayList<>();
        for (JsonNode t : Vectors.load("hive").get("transactions")) {
            if (t.get("chain_id").asText().startsWith("18dc")) continue;
            HiveTransaction.needs(Vectors.tree(t.get("transaction"))).forEach(n -> seen.add(n.account() + ":" + n.action()));
        }
        assertEquals(List.of("alice:transfer", "alice:transfer", "carol:vote", "carol:comment", "alice:custom_json",
                "carol:custom_json_posting", "alice:account_update", "alice:account_update_owner", "carol:vote", "alice:transfer"), seen);
    }

    @Test
    void hive_appbase_operations_and_nai_amounts_serialize_like_the_condenser_form() {
        JsonNode t = Vectors.load("hive").get("transactions").get(0);
        ObjectNode tx = t.get("transaction").deepCopy();
        ObjectNode transfer = tx.get("operations").get(0).get(1).deepCopy();
        ObjectNode amount = transfer.objectNode().put("amount", "1234").put("precision", 3).put("nai", "@@000000021");
        transfer.set("amount", amount);
        ObjectNode op = tx.objectNode().put("type", "transfer_operation");
        op.set("value", transfer);
        tx.set("operations", tx.arrayNode().add(op));
        assertEquals(t.get("digest").asText(),
                HexFormat.of().formatHex(HiveTransaction.digest(Vectors.tree(tx), HiveTransaction.MAINNET_CHAIN_ID)));
    }

    @Test
    void hive_altered_transaction_changes_the_digest_so_the_signature_names_another_key() {
        JsonNode t = Vectors.load("hive").get("transactions").get(0);
        ObjectNode tx = t.get("transaction").deepCopy();
        ((ObjectNode) tx.get("operations").get(0).get(1)).set("amount", new TextNode("9.234 HIVE"));
        var tree = Vectors.tree(tx);
        byte[] digest = HiveTransaction.digest(tree, HiveTransaction.MAINNET_CHAIN_ID);
        Verification r = Verifier.verify(Chain.HIVE, new Evidence(digest,
                HiveTransaction.signatures(tree).stream().map(SignatureEntry::of).toList(), "hive_transaction"));
        assertTrue(!r.verified() || !r.keys().get(0).equals(t.get("signers").get(0).asText()));
    }

    @Test
    void casper_deploy_hashes_match_casper_js_sdk_and_approvals_verify() throws Exception {
        JsonNode v = Vectors.load("casper");
        int count = 0;
        for (JsonNode d : v.get("deploys")) {
            CasperDeploy.Parsed parsed = CasperDeploy.parse(Vectors.tree(d.get("deploy")));
            assertEquals(d.get("hash").asText(), HexFormat.of().formatHex(parsed.hash()), d.get("name").asText());
            Verification r = Verifier.verify(Chain.CASPER, new Evidence(parsed.hash(), parsed.approvals(), "casper_deploy"));
            assertTrue(r.verified(), d.get("name").asText() + ": " + r.problem());
            for (int i = 0; i < r.keys().size(); i++) {
                assertTrue(sameKey(Chain.CASPER, r.keys().get(i), d.get("deploy").get("approvals").get(i).get("signer").asText()));
            }
            assertEquals(parsed.account(), d.get("deploy").get("header").get("account").asText().toLowerCase());
            count++;
        }
        assertEquals(8, count);
    }

    @Test
    void casper_altered_session_or_header_is_caught_by_the_hashes() {
        JsonNode d = Vectors.load("casper").get("deploys").get(0).get("deploy");
        ObjectNode session = d.deepCopy();
        ((ObjectNode) session.get("session").get("Transfer").get("args").get(0).get(1)).put("bytes", "0400f90296");
        IllegalArgumentException body = assertThrows(IllegalArgumentException.class, () -> CasperDeploy.parse(Vectors.tree(session)));
        assertTrue(body.getMessage().contains("body_hash"), body.getMessage());
        ObjectNode header = d.deepCopy();
        ((ObjectNode) header.get("header")).put("chain_name", "casper");
        IllegalArgumentException hash = assertThrows(IllegalArgumentException.class, () -> CasperDeploy.parse(Vectors.tree(header)));
        assertTrue(hash.getMessage().contains("`hash`"), hash.getMessage());
    }

    @Test
    void casper_tampered_approvals_and_wrong_signers_fail() {
        JsonNode d = Vectors.load("casper").get("deploys").get(0);
        CasperDeploy.Parsed parsed = CasperDeploy.parse(Vectors.tree(d.get("deploy")));
        for (SignatureEntry a : parsed.approvals()) {
            SignatureEntry tampered = new SignatureEntry(a.signer(), Vectors.tamper(a.signature().toLowerCase(), 40, HEX));
            Verification r = Verifier.verify(Chain.CASPER, new Evidence(parsed.hash(), List.of(tampered), "casper_deploy"));
            assertFalse(r.verified());
        }
        byte[] other = parsed.hash();
        other[0] ^= 1;
        Verification r = Verifier.verify(Chain.CASPER, new Evidence(other, parsed.approvals(), "casper_deploy"));
        assertFalse(r.verified());
        assertEquals(1, r.failedPosition());
        SignatureEntry swapped = new SignatureEntry(parsed.approvals().get(1).signer(), parsed.approvals().get(0).signature());
        assertFalse(Verifier.verify(Chain.CASPER, new Evidence(parsed.hash(), List.of(swapped), "casper_deploy")).verified());
    }

    @Test
    void ft4_signatures_of_postchain_client_verify_and_altered_or_high_s_ones_do_not() {
        int count = 0;
        for (JsonNode t : Vectors.load("ft4").get("transactions")) {
            List<SignatureEntry> entries = new ArrayList<>();
            t.get("signatures").forEach(s -> entries.add(new SignatureEntry(s.get("signer").asText(), s.get("signature").asText())));
            Verification r = Verifier.verify(Chain.FT4, new Evidence(Vectors.hex(t.get("digest").asText()), entries, "digest"));
            assertTrue(r.verified(), r.problem());
            assertEquals(entries.stream().map(SignatureEntry::signer).toList(), r.keys());
            String digest = Vectors.tamper(t.get("digest").asText(), 3, HEX);
            assertFalse(Verifier.verify(Chain.FT4, new Evidence(Vectors.hex(digest), entries, "digest")).verified());
            SignatureEntry first = entries.get(0);
            byte[] rs = Vectors.hex(first.signature());
            BigInteger s = new BigInteger(1, Arrays.copyOfRange(rs, 32, 64));
            byte[] high = Ecdsa.N.subtract(s).toByteArray();
            byte[] flipped = Arrays.copyOf(rs, 64);
            System.arraycopy(high, high.length - 32, flipped, 32, 32);
            assertTrue(Ecdsa.verify(Vectors.hex(t.get("digest").asText()), new BigInteger(1, Arrays.copyOf(rs, 32)),
                    Ecdsa.N.subtract(s), Vectors.hex(first.signer())), "n - s verifies arithmetically");
            Verification highS = Verifier.verify(Chain.FT4, new Evidence(Vectors.hex(t.get("digest").asText()),
                    List.of(new SignatureEntry(first.signer(), HexFormat.of().formatHex(flipped))), "digest"));
            assertFalse(highS.verified());
            assertTrue(highS.problem().contains("not canonical"), highS.problem());
            count++;
        }
        assertEquals(2, count);
    }

    @Test
    void the_failing_signature_is_named_by_position() {
        JsonNode sigs = Vectors.load("hive").get("signatures");
        String digest = sigs.get(0).get("digest").asText();
        Verification r = verify(Chain.HIVE, digest, SignatureEntry.of(sigs.get(0).get("signature").asText()),
                SignatureEntry.of("00" + sigs.get(0).get("signature").asText().substring(2)));
        assertFalse(r.verified());
        assertEquals(2, r.failedPosition());
        assertTrue(r.problem().startsWith("signature 2 "), r.problem());
    }

    @Test
    void the_cache_returns_what_verification_returns() {
        JsonNode s = Vectors.load("eos").get("signatures").get(0);
        Verifier.setCaching(true);
        Verification first = verify(Chain.EOS, s.get("digest").asText(), SignatureEntry.of(s.get("signature").asText()));
        Verification second = verify(Chain.EOS, s.get("digest").asText(), SignatureEntry.of(s.get("signature").asText()));
        assertEquals(first, second);
        assertNotEquals(first, verify(Chain.EOS, Vectors.tamper(s.get("digest").asText(), 0, HEX),
                SignatureEntry.of(s.get("signature").asText())));
        Verifier.setCaching(false);
    }

    private static String sigK1(byte[] compact) {
        RIPEMD160Digest d = new RIPEMD160Digest();
        d.update(compact, 0, compact.length);
        byte[] k1 = "K1".getBytes(StandardCharsets.US_ASCII);
        d.update(k1, 0, 2);
        byte[] sum = new byte[20];
        d.doFinal(sum, 0);
        byte[] all = Arrays.copyOf(compact, 69);
        System.arraycopy(sum, 0, all, 65, 4);
        return "SIG_K1_" + Base58.encode(all);
    }

    static {
        assertArrayEquals(new byte[0], new byte[0]);
    }
}
