package io.quorate.signatures;

import io.quorate.engine.PreparedPolicy;
import io.quorate.engine.Quorate;
import io.quorate.policy.Chain;
import io.quorate.policy.PolicyLoader;
import io.quorate.transaction.Transaction;
import io.quorate.transaction.TransactionLoader;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * Signature throughput on this machine: secp256k1 key recovery, Ed25519 verification, and
 * decisions on signed transactions with and without the cache of verified signatures.
 * {@code java -cp … io.quorate.signatures.SignatureBench [signed-transactions-dir]}; a figure, not a test.
 */
public final class SignatureBench {

    private SignatureBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "src/test/resources/signed");
        System.out.println("| measure | per second |");
        System.out.println("|---|---|");

        byte[] digest = ChainSignatures.sha256(new byte[] {1, 2, 3});
        BigInteger privateKey = new BigInteger(1, ChainSignatures.sha256(new byte[] {9}));
        org.bouncycastle.crypto.signers.ECDSASigner signer = new org.bouncycastle.crypto.signers.ECDSASigner(
                new org.bouncycastle.crypto.signers.HMacDSAKCalculator(new org.bouncycastle.crypto.digests.SHA256Digest()));
        signer.init(true, new org.bouncycastle.crypto.params.ECPrivateKeyParameters(privateKey,
                new org.bouncycastle.crypto.params.ECDomainParameters(Ecdsa.SECP256K1)));
        BigInteger[] rs = signer.generateSignature(digest);
        BigInteger r = rs[0];
        BigInteger s = rs[1].compareTo(Ecdsa.HALF_N) > 0 ? Ecdsa.N.subtract(rs[1]) : rs[1];
        byte[] key = Ecdsa.SECP256K1.getG().multiply(privateKey).getEncoded(true);
        int recoveryId = -1;
        for (int i = 0; i < 4 && recoveryId < 0; i++) {
            if (java.util.Arrays.equals(key, Ecdsa.recover(digest, r, s, i))) recoveryId = i;
        }
        final int id = recoveryId;
        report("secp256k1 key recovery (EOS, Hive)", () -> Ecdsa.recover(digest, r, s, id));
        report("secp256k1 verification (Casper 02, FT4)", () -> Ecdsa.verify(digest, r, s, key));

        Ed25519PrivateKeyParameters ed = new Ed25519PrivateKeyParameters(ChainSignatures.sha256(new byte[] {7}));
        Ed25519Signer edSigner = new Ed25519Signer();
        edSigner.init(true, ed);
        edSigner.update(digest, 0, 32);
        byte[] edSignature = edSigner.generateSignature();
        byte[] edKey = ed.generatePublicKey().getEncoded();
        report("Ed25519 verification (Casper 01)", () -> Ecdsa.ed25519Verify(edSignature, edKey, digest));

        PreparedPolicy policy = Quorate.prepare(PolicyLoader.load(List.of(dir.resolve("policy.yaml"))));
        List<Transaction> allowed = new ArrayList<>();
        for (String file : List.of("eos.yaml", "hive.yaml", "casper.yaml", "ft4.yaml")) {
            Transaction first = TransactionLoader.load(dir.resolve(file)).get(0);
            allowed.add(first);
            Verifier.setCaching(false);
            report("decision, " + file.replace(".yaml", "") + " signed, no cache", () -> policy.authorize(first));
            Verifier.setCaching(true);
            report("decision, " + file.replace(".yaml", "") + " signed, cached", () -> policy.authorize(first));
        }
        Transaction keys = Transaction.of("eosvault1111", "eosio.token::transfer", List.of("eos_alice"));
        report("decision, eos key list (no signatures)", () -> policy.authorize(keys));
        System.out.println("\n" + Chain.values().length + " chains; cache limit " + Verifier.CACHE_LIMIT + " signatures");
    }

    private static void report(String what, Runnable task) {
        for (int i = 0; i < 2_000; i++) task.run();
        long start = System.nanoTime();
        long count = 0;
        while (System.nanoTime() - start < 2_000_000_000L) {
            for (int i = 0; i < 100; i++) task.run();
            count += 100;
        }
        double perSecond = count / ((System.nanoTime() - start) / 1e9);
        System.out.println(String.format(Locale.ROOT, "| %s | %,.0f |", what, perSecond));
    }
}
