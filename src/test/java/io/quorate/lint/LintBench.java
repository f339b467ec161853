package io.quorate.lint;

import io.quorate.chain.casper.CasperKeys;
import io.quorate.chain.eos.EosKeys;
import io.quorate.chain.hive.HiveKeys;
import io.quorate.keys.Secp256k1;
import io.quorate.policy.PolicyLoader;
import io.quorate.policy.PolicySet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Measures linting a large policy set by hand (not a unit test): {@code java ... io.quorate.lint.LintBench [accounts]}.
 * Of every ten accounts four are EOS, two Hive, two Casper, two FT4; a tenth of the EOS and Hive
 * accounts are partners the others reference, and EOS partners reference each other one level
 * further, so references nest. Prints the load time and the lint time (analysis, facts, rules).
 */
public final class LintBench {

    public static void main(String[] args) throws Exception {
        int accounts = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Path dir = Files.createTempDirectory("quorate-lint-bench");
        int keysPerAccount = 3;
        String[] point = IntStream.range(0, accounts * keysPerAccount).parallel()
                .mapToObj(i -> HexFormat.of().formatHex(Secp256k1.publicKeyFromSeed(1_000_003L + i))).toArray(String[]::new);
        int eosPartners = Math.max(3, accounts * 4 / 100);
        int hivePartners = Math.max(2, accounts * 2 / 100);
        StringBuilder yaml = null;
        int file = 0;
        int eos = 0;
        int hive = 0;
        for (int i = 0; i < accounts; i++) {
            if (i % 1000 == 0) {
                if (yaml != null) Files.writeString(dir.resolve("accounts-" + file++ + ".yaml"), yaml);
                yaml = new StringBuilder("quorate: 1\naccounts:\n");
            }
            String[] k = new String[keysPerAccount];
            for (int j = 0; j < keysPerAccount; j++) k[j] = point[i * keysPerAccount + j];
            int slot = i % 10;
            if (slot < 4) {
                String name = eosName(eos < eosPartners ? "p" : "e", eos);
                String[] key = {eosKey(k[0]), eosKey(k[1]), eosKey(k[2])};
                yaml.append("  ").append(name).append(":\n    chain: eos\n    permissions:\n")
                        .append("      owner: {threshold: 2, keys: [{key: ").append(key[0]).append(", weight: 1}, {key: ").append(key[1])
                        .append(", weight: 1}, {key: ").append(key[2]).append(", weight: 1}]}\n")
                        .append("      active:\n        threshold: 2\n        keys: [{key: ").append(key[0]).append(", weight: 1}]\n");
                if (eos < eosPartners) {
                    if (eos > 0) yaml.append("        accounts: [{permission: ").append(eosName("p", eos - 1)).append("@active, weight: 1}]\n");
                } else {
                    yaml.append("        accounts: [{permission: ").append(eosName("p", eos % eosPartners)).append("@active, weight: 1}, ")
                            .append("{permission: ").append(eosName("p", (eos + 1) % eosPartners)).append("@active, weight: 1}]\n");
                }
                eos++;
            } else if (slot < 6) {
                String name = "hive-" + letters(hive);
                yaml.append("  ").append(name).append(":\n    chain: hive\n")
                        .append("    owner: {threshold: 1, keys: [{key: ").append(hiveKey(k[0])).append(", weight: 1}]}\n")
                        .append("    active: {threshold: 2, keys: [{key: ").append(hiveKey(k[1])).append(", weight: 1}]");
                if (hive >= hivePartners) yaml.append(", accounts: [{account: hive-").append(letters(hive % hivePartners)).append(", weight: 1}]");
                yaml.append("}\n    posting: {threshold: 1, keys: [{key: ").append(hiveKey(k[2])).append(", weight: 1}]}\n");
                hive++;
            } else if (slot < 8) {
                yaml.append("  casper-").append(i).append(":\n    chain: casper\n    keys:\n");
                for (int j = 0; j < 3; j++) {
                    yaml.append("      - {key: ").append(CasperKeys.tagged(CasperKeys.SECP256K1, HexFormat.of().parseHex(k[j])))
                            .append(", weight: ").append(j == 0 ? 2 : 1).append("}\n");
                }
                yaml.append("    thresholds: {deployment: 2, key_management: 3}\n");
            } else {
                yaml.append("  ft4-").append(i).append(":\n    chain: ft4\n    auth_descriptors:\n")
                        .append("      main: {main: true, signers: [").append(k[0]).append(", ").append(k[1]).append(", ").append(k[2])
                        .append("], signatures_required: 2, flags: [A, T]}\n")
                        .append("      spender: {signers: [").append(k[2]).append("], flags: [T], rules: [lt, op_count, 10]}\n");
            }
        }
        Files.writeString(dir.resolve("accounts-" + file + ".yaml"), yaml);

        long start = System.nanoTime();
        PolicySet policy = PolicyLoader.load(List.of(dir));
        long loaded = System.nanoTime();
        CheckRegistry.checks();
        long built = System.nanoTime();
        LintReport report = Linter.lint(policy, LintOptions.defaults());
        long linted = System.nanoTime();
        System.out.printf("%d accounts: load %.1f s, build the checks %.1f s, lint %.1f s (%d findings, %d figures)%n",
                policy.accounts().size(), (loaded - start) / 1e9, (built - loaded) / 1e9, (linted - built) / 1e9,
                report.findings().size(), report.figures().size());
    }

    private static String eosKey(String hex) {
        return EosKeys.legacy(HexFormat.of().parseHex(hex));
    }

    private static String hiveKey(String hex) {
        return HiveKeys.stm(HexFormat.of().parseHex(hex));
    }

    private static String eosName(String prefix, int n) {
        return prefix + letters(n).replace('z', '1');
    }

    /** Six letters a-z: valid in EOS and Hive names alike. */
    private static String letters(int n) {
        char[] c = new char[6];
        for (int i = c.length - 1; i >= 0; i--) {
            c[i] = (char) ('a' + n % 26);
            n /= 26;
        }
        return new String(c);
    }
}
