package io.quorate.signatures;

import io.quorate.policy.Chain;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.math.BigInteger;
import java.nio.file.Path;
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

        // The engine and the transaction loader are reached by name: this package sits below both.
        Object policy = Class.forName("io.quorate.engine.Quorate").getMethod("load", List.class)
                .invoke(null, List.of(dir.resolve("policy.yaml")));
        Class<?> transaction = Class.forName("io.quorate.transaction.Transaction");
        Method authorize = Class.forName("io.quorate.engine.Authorizer").getMethod("authorize", transaction);
        Method load = Class.forName("io.quorate.transaction.TransactionLoader").getMethod("load", Path.class);
        for (String file : List.of("eos.yaml", "hive.yaml", "casper.yaml", "ft4.yaml")) {
            Object first = ((List<?>) load.invoke(null, dir.resolve(file))).get(0);
            String chain = file.replace(".yaml", "");
            Verifier.setCaching(false);
            report("decision, " + chain + " signed, no cache", () -> call(authorize, policy, first));
            Verifier.setCaching(true);
            report("decision, " + chain + " signed, cached", () -> call(authorize, policy, first));
        }
        Object keys = transaction.getMethod("of", String.class, String.class, List.class)
                .invoke(null, "eosvault1111", "eosio.token::transfer", List.of("eos_alice"));
        report("decision, eos key list (no signatures)", () -> call(authorize, policy, keys));
        System.out.println("\n" + Chain.all().size() + " chains; cache limit " + Verifier.CACHE_LIMIT + " signatures");
    }

    private static void call(Method method, Object target, Object argument) {
        try {
            method.invoke(target, argument);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(e);
        }
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
