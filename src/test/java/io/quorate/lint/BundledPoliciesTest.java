package io.quorate.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quorate.policy.PolicyLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bundled tutorial policies lint as the tutorials imply: the Casper primary key still acts
 * alone; the EOS partners and the Hive account are each one owner key from losing control of their
 * keys (and the Hive owner is weaker than active); the vault's admin is 3-of-3; the FT4 tutorial's
 * block height is a timestamp. The EOS multisig account and the FT4 main descriptor are sound.
 */
class BundledPoliciesTest {

    @Test
    void the_bundled_policies_produce_exactly_the_findings_their_tutorials_deserve() throws Exception {
        LintReport report = Linter.lint(PolicyLoader.load(List.of(Path.of("policies"))), new LintOptions(java.util.Map.of(), Lints.TODAY));
        List<String> found = report.findings().stream()
                .map(f -> f.at().file() + ":" + f.at().line() + " " + f.id() + " " + f.account() + "@" + f.authority())
                .toList();
        assertEquals(List.of(
                "policies/casper-multisig.yaml:9 lockout-on-key-loss casper-primary@keys",
                "policies/casper-multisig.yaml:16 single-key-control casper-primary@deployment",
                "policies/casper-multisig.yaml:16 single-key-control casper-primary@key_management",
                "policies/eos-mymultisig11.yaml:28 lockout-on-key-loss partner11111@keys",
                "policies/eos-mymultisig11.yaml:33 lockout-on-key-loss partner22222@keys",
                "policies/eos-mymultisig11.yaml:38 lockout-on-key-loss partner33333@keys",
                "policies/ft4-company.yaml:23 rule-looks-like-timestamp company@dan",
                "policies/generic-vault.yaml:8 lockout-on-key-loss vault@*",
                "policies/hive-test-auth.yaml:15 lockout-on-key-loss test.auth@keys",
                "policies/hive-test-auth.yaml:18 weaker-parent test.auth@owner"), found, String.join("\n", found));
        assertEquals(0, report.count(io.quorate.diag.Severity.ERROR));
    }

    @Test
    void the_bundled_policies_carry_resilience_figures_for_every_authority_and_capability() throws Exception {
        LintReport report = Linter.lint(PolicyLoader.load(List.of(Path.of("policies"))), new LintOptions(java.util.Map.of(), Lints.TODAY));
        ResilienceFigure active = report.figures().stream()
                .filter(f -> f.account().equals("test.auth") && f.authority().equals("active")).findFirst().orElseThrow();
        assertEquals(2, active.minSigners());
        assertEquals(3, active.maxKeyLoss());
        ResilienceFigure owners = report.figures().stream()
                .filter(f -> f.account().equals("company") && f.authority().equals("owners")).findFirst().orElseThrow();
        assertEquals(2, owners.minSigners());
        assertEquals(1, owners.maxKeyLoss());
    }
}
