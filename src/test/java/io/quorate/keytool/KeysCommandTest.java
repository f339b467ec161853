package io.quorate.keytool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quorate.cli.ExitCode;
import io.quorate.cli.Main;
import io.quorate.keys.Base58;
import io.quorate.keys.Secp256k1;
import io.quorate.policy.Chain;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code quorate keys}: generated keys work in policies and sign verifiably; every shown form leads back to the key. */
class KeysCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] DIGEST = HexFormat.of().parseHex("8b3e9fbdc66de0ebce39dbbacdb91f22fe0ac4d148c39283037e3233ade7b1e7");

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exit, out.toString(), err.toString());
    }

    private static JsonNode newKey(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("keys", "new", "--format", "json"));
        all.addAll(List.of(args));
        Run r = run(all.toArray(String[]::new));
        assertEquals(ExitCode.OK, r.exit(), r.err());
        JsonNode key = JSON.readTree(r.out());
        assertTrue(key.get("test_key").asBoolean());
        assertTrue(key.get("warning").asText().startsWith("TEST KEY"));
        assertTrue(key.get("policy_entry").asText().contains("# TEST KEY"));
        return key;
    }

    /** The policy is the `keys:` entry as printed, and one account the key alone controls. */
    private String decide(JsonNode key, String accounts, String transaction) throws Exception {
        Path policy = dir.resolve("policy.yaml");
        Files.writeString(policy, "quorate: 1\n" + key.get("policy_entry").asText() + accounts);
        Path tx = dir.resolve("tx.yaml");
        Files.writeString(tx, transaction);
        Run r = run("authorize", "--policy", policy.toString(), "--format", "json", tx.toString());
        assertTrue(r.exit() == ExitCode.OK || r.exit() == ExitCode.DENIED, r.out() + r.err());
        JsonNode d = JSON.readTree(r.out());
        return d.get("decision").asText() + " " + d.get("reasons").get(0).get("code").asText();
    }

    private static byte[] otherDigest() {
        byte[] other = DIGEST.clone();
        other[0] ^= 1;
        return other;
    }

    @Test
    void an_eos_key_signs_a_transaction_its_policy_allows() throws Exception {
        JsonNode key = newKey("--chain", "eos", "--name", "signer");
        String pvt = key.get("private_key").get("PVT_K1").asText();
        byte[] secret = Arrays.copyOf(Base58.decode(pvt.substring("PVT_K1_".length())), 32);
        byte[] fromWif = Secp256k1.privateKeyFromWif(key.get("private_key").get("legacy WIF").asText()).toByteArray();
        assertEquals(new BigInteger(1, secret), new BigInteger(1, fromWif), "both private encodings hold one key");
        byte[] point = Secp256k1.publicKey(new BigInteger(1, secret));
        assertEquals(key.get("public_key").asText(), KeyTools.forms(new PublicKey(PublicKey.SECP256K1, point)).get(0).text());
        String accounts = """
                accounts:
                  testaccount1:
                    chain: eos
                    permissions:
                      owner: {threshold: 1, keys: [{key: signer, weight: 1}]}
                      active: {threshold: 1, keys: [{key: signer, weight: 1}]}
                """;
        String sig = TestSigner.sigK1(TestSigner.compact(secret, point, DIGEST, true, new SecureRandom()));
        String tx = "account: testaccount1\naction: eosio.token::transfer\ndigest: %s\nsignatures: [" + sig + "]\n";
        assertEquals("allow authorized", decide(key, accounts, tx.formatted(HexFormat.of().formatHex(DIGEST))));
        assertFalse(decide(key, accounts, tx.formatted(HexFormat.of().formatHex(otherDigest()))).startsWith("allow"));
    }

    @Test
    void a_hive_key_signs_a_transaction_its_policy_allows() throws Exception {
        JsonNode key = newKey("--chain", "hive", "--name", "signer");
        byte[] secret = unsigned32(Secp256k1.privateKeyFromWif(key.get("private_key").get("WIF").asText()));
        byte[] point = Secp256k1.publicKey(new BigInteger(1, secret));
        String accounts = """
                accounts:
                  test.keys:
                    chain: hive
                    owner:   {threshold: 1, keys: [{key: signer, weight: 1}]}
                    active:  {threshold: 1, keys: [{key: signer, weight: 1}]}
                    posting: {threshold: 1, keys: [{key: signer, weight: 1}]}
                """;
        String sig = TestSigner.hex(TestSigner.compact(secret, point, DIGEST, false, new SecureRandom()));
        String tx = "account: test.keys\naction: transfer\ndigest: %s\nsignatures: [" + sig + "]\n";
        assertEquals("allow authorized", decide(key, accounts, tx.formatted(HexFormat.of().formatHex(DIGEST))));
        assertFalse(decide(key, accounts, tx.formatted(HexFormat.of().formatHex(otherDigest()))).startsWith("allow"));
    }

    @Test
    void casper_keys_of_both_algorithms_sign_deploys_their_policy_allows() throws Exception {
        for (String algorithm : List.of("ed25519", "secp256k1")) {
            JsonNode key = algorithm.equals("ed25519") ? newKey("--chain", "casper", "--name", "signer")
                    : newKey("--chain", "casper", "--name", "signer", "--algorithm", algorithm);
            assertEquals(algorithm, key.get("algorithm").asText());
            String pem = key.get("private_key").get("secret_key.pem").asText();
            byte[] der = pemBody(pem);
            String signature;
            if (algorithm.equals("ed25519")) {
                assertTrue(pem.startsWith("-----BEGIN PRIVATE KEY-----"));
                PrivateKeyInfo info = PrivateKeyInfo.getInstance(der);
                assertEquals(new ASN1ObjectIdentifier("1.3.101.112"), info.getPrivateKeyAlgorithm().getAlgorithm());
                byte[] secret = ASN1OctetString.getInstance(info.parsePrivateKey()).getOctets();
                assertEquals(key.get("public_key").asText(), "01" + TestSigner.hex(KeyPairs.ed25519PublicKey(secret)));
                signature = "01" + TestSigner.hex(TestSigner.ed25519(secret, DIGEST));
            } else {
                assertTrue(pem.startsWith("-----BEGIN EC PRIVATE KEY-----"));
                ECPrivateKey sec1 = ECPrivateKey.getInstance(der);
                assertEquals(SECObjectIdentifiers.secp256k1, sec1.getParametersObject());
                byte[] secret = unsigned32(sec1.getKey());
                assertEquals(key.get("public_key").asText(), "02" + TestSigner.hex(KeyPairs.secp256k1PublicKey(secret)));
                byte[] hashed = io.quorate.keys.Digests.sha256(DIGEST);
                signature = "02" + TestSigner.hex(TestSigner.rs(TestSigner.lowS(secret, hashed, new SecureRandom())));
            }
            String accounts = """
                    accounts:
                      treasury:
                        chain: casper
                        keys: [{key: signer, weight: 1}]
                        thresholds: {deployment: 1, key_management: 1}
                    """;
            String tx = "account: treasury\naction: deploy\ndigest: %s\nsignatures: [{signer: " + key.get("public_key").asText()
                    + ", signature: " + signature + "}]\n";
            assertEquals("allow authorized", decide(key, accounts, tx.formatted(HexFormat.of().formatHex(DIGEST))), algorithm);
            assertEquals("deny invalid-signature", decide(key, accounts, tx.formatted(HexFormat.of().formatHex(otherDigest()))));
        }
    }

    @Test
    void an_ft4_key_signs_a_transaction_its_policy_allows() throws Exception {
        JsonNode key = newKey("--chain", "ft4", "--name", "signer");
        byte[] secret = HexFormat.of().parseHex(key.get("private_key").get("hex").asText());
        String accounts = """
                accounts:
                  company:
                    chain: ft4
                    auth_descriptors:
                      owners: {main: true, signers: [signer], flags: [A, T]}
                """;
        String signature = TestSigner.hex(TestSigner.rs(TestSigner.lowS(secret, DIGEST, new SecureRandom())));
        String tx = "account: company\naction: transfer\ndigest: %s\nsignatures: [{signer: " + key.get("public_key").asText()
                + ", signature: " + signature + "}]\n";
        assertEquals("allow authorized", decide(key, accounts, tx.formatted(HexFormat.of().formatHex(DIGEST))));
        assertEquals("deny invalid-signature", decide(key, accounts, tx.formatted(HexFormat.of().formatHex(otherDigest()))));
    }

    @Test
    void every_key_form_shown_leads_back_to_the_same_forms() throws Exception {
        Random seeds = new Random(20261202);
        for (int i = 0; i < 12; i++) {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(seeds.nextLong());
            Chain chain = List.copyOf(KeyTools.chains()).get(i % KeyTools.chains().size());
            List<String> algorithms = KeyTools.of(chain).algorithms();
            NewKey key = KeyTools.generate(chain, algorithms.get(i % algorithms.size()), random);
            JsonNode shown = show(key.publicKey());
            assertEquals(key.algorithm(), shown.get("algorithm").asText());
            List<String> texts = new ArrayList<>();
            shown.get("forms").forEach(f -> texts.add(f.get("text").asText()));
            assertTrue(texts.contains(key.publicKey()), texts.toString());
            for (JsonNode form : shown.get("forms")) {
                if (!form.get("key").asBoolean()) continue;
                assertEquals(shown.get("forms"), show(form.get("text").asText()).get("forms"), form.toString());
            }
            if (key.algorithm().equals("secp256k1")) {
                assertEquals(List.of("eos", "eos", "hive", "casper", "casper", "ft4", "ft4"),
                        shown.get("forms").findValuesAsText("chain"));
            }
        }
    }

    @Test
    void ids_named_by_show_are_shown_as_themselves() throws Exception {
        JsonNode hash = show("account-hash-1ed5a1c39bea93c105f2d22c965a84b205b36734a377d05dbb103b6bfaa595a7");
        assertEquals("casper-account-hash", hash.get("algorithm").asText());
        assertEquals("account-hash-1ed5a1c39bea93c105f2d22c965a84b205b36734a377d05dbb103b6bfaa595a7",
                hash.get("forms").get(0).get("text").asText());
        JsonNode ed = show("01360af61b50cdcb7b92cffe2c99315d413d34ef77fadee0c105cc4f1d4120f986");
        assertEquals("account-hash-1ed5a1c39bea93c105f2d22c965a84b205b36734a377d05dbb103b6bfaa595a7",
                ed.get("forms").get(1).get("text").asText(), "the account hash FORMAT.md gives for this key");
        JsonNode eos = show("EOS6MRyAjQq8ud7hVNYcfnVPJqcVpscN5So8BhtHuGYqET5GDW5CV");
        assertEquals("PUB_K1_6MRyAjQq8ud7hVNYcfnVPJqcVpscN5So8BhtHuGYqET5BoDq63", eos.get("forms").get(0).get("text").asText());
    }

    @Test
    void bad_keys_are_refused_with_the_reason_and_exit_2() {
        for (String bad : List.of("EOS6MRyAjQq8ud7hVNYcfnVPJqcVpscN5So8BhtHuGYqET5GDW5CX", "PUB_K1_6MRyAjQq8ud7hVNYcfnVPJqc",
                "STM7JNWU2b2DBMp9WZRGHKqE7hQA9MKn2URLBCMfU95p29vzAQn8G", "09360af61b50cdcb7b92cffe2c99315d413d34ef77fadee0c105cc4f1d4120f986",
                "account-hash-1ed5", "alice", "")) {
            Run r = run("keys", "show", bad);
            assertEquals(ExitCode.BAD_INPUT, r.exit(), bad);
            assertTrue(r.err().startsWith("error[invalid-key]: `" + bad + "`: "), r.err());
            assertFalse(r.err().contains("Exception"), r.err());
            assertEquals("", r.out());
        }
        Run mixed = run("keys", "show", "alice", "EOS6MRyAjQq8ud7hVNYcfnVPJqcVpscN5So8BhtHuGYqET5GDW5CV");
        assertEquals(ExitCode.BAD_INPUT, mixed.exit());
        assertTrue(mixed.out().contains("PUB_K1_6MRyAjQq8ud7hVNYcfnVPJqcVpscN5So8BhtHuGYqET5BoDq63"), "the good key is still shown");
    }

    @Test
    void bad_options_of_keys_new_exit_2() {
        assertEquals(ExitCode.BAD_INPUT, run("keys", "new", "--chain", "bitcoin").exit());
        assertEquals(ExitCode.BAD_INPUT, run("keys", "new", "--chain", "generic").exit());
        assertEquals(ExitCode.BAD_INPUT, run("keys", "new", "--chain", "eos", "--algorithm", "ed25519").exit());
        assertEquals(ExitCode.BAD_INPUT, run("keys", "new", "--chain", "eos", "--name", "a b").exit());
        Run text = run("keys", "new", "--chain", "hive");
        assertEquals(ExitCode.OK, text.exit());
        assertTrue(text.out().startsWith("# TEST KEY"), text.out());
    }

    private static JsonNode show(String key) throws Exception {
        Run r = run("keys", "show", "--format", "json", key);
        assertEquals(ExitCode.OK, r.exit(), key + ": " + r.err());
        return JSON.readTree(r.out());
    }

    private static byte[] pemBody(String pem) {
        String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }

    private static byte[] unsigned32(BigInteger v) {
        byte[] b = v.toByteArray();
        byte[] out = new byte[32];
        int copy = Math.min(b.length, 32);
        System.arraycopy(b, b.length - copy, out, 32 - copy, copy);
        return out;
    }
}
