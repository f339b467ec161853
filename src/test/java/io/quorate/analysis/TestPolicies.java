package io.quorate.analysis;

import io.quorate.chain.casper.CasperKeys;
import io.quorate.chain.eos.EosKeys;
import io.quorate.chain.hive.HiveKeys;
import io.quorate.diag.InputException;
import io.quorate.keys.Secp256k1;
import io.quorate.policy.PolicyLoader;
import io.quorate.policy.PolicySet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.stream.Collectors;

/** Policies written inline, with a {@code keys:} section naming real keys {@code k0 … k(n-1)} of a chain. */
public final class TestPolicies {

    private TestPolicies() {
    }

    public static String key(String chain, int i) {
        byte[] pub = Secp256k1.publicKeyFromSeed(7000 + i);
        return switch (chain) {
            case "eos" -> EosKeys.legacy(pub);
            case "hive" -> HiveKeys.stm(pub);
            case "casper" -> CasperKeys.tagged(CasperKeys.SECP256K1, pub);
            case "ft4" -> HexFormat.of().formatHex(pub);
            default -> "generic-key-" + i;
        };
    }

    /** A policy file whose {@code keys:} names {@code n} keys of {@code chain} k0…, then {@code accounts}. */
    public static PolicySet load(String chain, int n, String accounts) {
        StringBuilder sb = new StringBuilder("quorate: 1\nkeys:\n");
        for (int i = 0; i < n; i++) sb.append("  k").append(i).append(": ").append(key(chain, i)).append('\n');
        sb.append(accounts);
        return load(sb.toString());
    }

    public static PolicySet load(String yaml) {
        try {
            return PolicyLoader.load("test.yaml", yaml);
        } catch (InputException e) {
            throw new AssertionError("policy does not load: " + e.getMessage() + "\n" + e.diagnostics() + "\n" + yaml, e);
        }
    }

    public static PolicySet bundled(String file) {
        try {
            Path p = Path.of("policies", file);
            if (!Files.exists(p)) p = Path.of("/work/main/policies", file);
            return PolicyLoader.load(file, Files.readString(p));
        } catch (Exception e) {
            throw new AssertionError("cannot load " + file, e);
        }
    }

    /** The analysis's reference problems, one a line: {@code account@authority -> target KIND}. */
    public static String problems(Analysis a) {
        return a.referenceProblems().stream().map(p -> p.account() + "@" + p.authority() + " -> " + p.target() + " " + p.kind())
                .collect(Collectors.joining("\n"));
    }
}
