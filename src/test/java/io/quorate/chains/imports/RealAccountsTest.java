package io.quorate.chains.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quorate.lint.Finding;
import io.quorate.lint.LintOptions;
import io.quorate.lint.LintReport;
import io.quorate.lint.Linter;
import io.quorate.policy.PolicyLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Accounts as real chains print them import, load and lint with the findings they deserve and no
 * others. The shapes real accounts revealed (an Antelope chain with its own key prefix, a resigned
 * system account, Hive's open `temp` account, a Casper 2.0 entity) have small fixtures here; the
 * real files themselves are read from {@code ../shared/realworld} when it sits beside the checkout.
 */
class RealAccountsTest {

    static final Path REAL_WORLD = Path.of("../shared/realworld");
    static final LintOptions OPTIONS = new LintOptions(Map.of(), LocalDate.parse("2026-11-23"));

    /**
     * What each real group deserves, checked finding by finding: a single owner key is a real
     * lockout risk, as is a Casper deployment threshold that key management merely equals; Hive's
     * `temp` account really is open to anyone and its posting role really has no key; references to
     * accounts outside the file are information, not errors.
     */
    static final Map<String, List<String>> REAL_FINDINGS = Map.of(
            "casper-testnet", List.of(
                    "key-management-equals-deployment casper_0ea7998b@key_management",
                    "key-management-equals-deployment casper_21e8cee8@key_management",
                    "key-management-equals-deployment casper_dc88a181@key_management",
                    "lockout-on-key-loss casper_0ea7998b@funds", "lockout-on-key-loss casper_0ea7998b@keys",
                    "lockout-on-key-loss casper_21e8cee8@funds", "lockout-on-key-loss casper_21e8cee8@keys",
                    "lockout-on-key-loss casper_dc88a181@funds", "lockout-on-key-loss casper_dc88a181@keys",
                    "single-key-control casper_1ed5a1c3@deployment", "single-key-control casper_1ed5a1c3@key_management"),
            "eos-eosasia11111", List.of("lockout-on-key-loss eosasia11111@keys", "single-key-control eosasia11111@active"),
            "eos-fio-lhp1ytjibtea", List.of("lockout-on-key-loss lhp1ytjibtea@funds", "lockout-on-key-loss lhp1ytjibtea@keys"),
            "eos-jungle4-eosio", List.of("lockout-on-key-loss eosio@keys",
                    "reference-outside-policy eosio@active", "reference-outside-policy eosio@active"),
            "eos-mainnet-eosio-2018", List.of("reference-outside-policy eosio@active", "reference-outside-policy eosio@owner"),
            "eos-teamgreymass", List.of("lockout-on-key-loss teamgreymass@keys"),
            "eos-wax-teamgreymass", List.of("lockout-on-key-loss teamgreymass@keys"),
            "hive-hiveio", List.of("lockout-on-key-loss hiveio@funds", "lockout-on-key-loss hiveio@keys",
                    "reference-outside-policy hiveio@posting", "reference-outside-policy hiveio@posting"),
            "hive-replay5m", List.of(
                    "lockout-on-key-loss alice@funds", "lockout-on-key-loss alice@keys",
                    "lockout-on-key-loss gtg@funds", "lockout-on-key-loss gtg@keys",
                    "lockout-on-key-loss steemit@funds", "lockout-on-key-loss steemit@keys",
                    "open-authority temp@active", "open-authority temp@owner", "threshold-unreachable temp@posting"));

    @Test
    void an_antelope_chain_with_its_own_key_prefix_imports_and_lints_like_eos() throws Exception {
        assertEquals(List.of("lockout-on-key-loss fioholder111@funds", "lockout-on-key-loss fioholder111@keys"),
                findings("eos", resources("eos/fio_get_account.json")));
    }

    @Test
    void a_resigned_system_account_is_information_about_the_outside_account_not_an_error() throws Exception {
        assertEquals(List.of("reference-outside-policy eosio@active", "reference-outside-policy eosio@owner"),
                findings("eos", resources("eos/eosio_resigned.json")));
    }

    @Test
    void hives_temp_account_is_open_and_has_nothing_to_lose() throws Exception {
        assertEquals(List.of("open-authority temp@active", "open-authority temp@owner", "threshold-unreachable temp@posting"),
                findings("hive", resources("hive/temp.json")));
    }

    @Test
    void a_casper_2_entity_imports_and_lints_like_an_account() throws Exception {
        // key management takes both keys and upgrading the weight-2 key: losing one key locks them
        assertEquals(List.of("lockout-on-key-loss casper_ed7f9daf@keys", "lockout-on-key-loss casper_ed7f9daf@upgrade",
                        "single-key-control casper_ed7f9daf@upgrade_management"),
                findings("casper", resources("casper/state_get_entity.json")));
    }

    @Test
    void every_real_account_imports_and_lints_with_the_findings_it_deserves() throws IOException, ImportException {
        assumeTrue(Files.isDirectory(REAL_WORLD), "no ../shared/realworld beside the checkout");
        List<Path> groups;
        try (Stream<Path> s = Files.list(REAL_WORLD)) {
            groups = s.filter(Files::isDirectory).sorted().toList();
        }
        assertFalse(groups.isEmpty());
        for (Path group : groups) {
            String name = group.getFileName().toString();
            List<Importer.Input> inputs = new ArrayList<>();
            try (Stream<Path> s = Files.list(group)) {
                for (Path f : s.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                    inputs.add(new Importer.Input(f.toString(), Files.readString(f, StandardCharsets.UTF_8)));
                }
            }
            String chain = name.substring(0, name.indexOf('-'));
            assertEquals(REAL_FINDINGS.get(name), findings(chain, inputs), name);
        }
    }

    /** The findings of the policy the inputs import into, as {@code check account@authority}, sorted. */
    static List<String> findings(String chain, List<Importer.Input> inputs) throws ImportException {
        Importer.Result r = Importer.run(chain, inputs);
        assertEquals(List.of(), r.warnings());
        LintReport report;
        try {
            report = Linter.lint(PolicyLoader.load("imported.yaml", r.yaml()), OPTIONS);
        } catch (io.quorate.diag.InputException e) {
            throw new AssertionError("the import does not load:\n" + r.yaml() + "\n" + e.diagnostics());
        }
        return report.findings().stream().filter(f -> !f.suppressed())
                .map(RealAccountsTest::describe).sorted().toList();
    }

    private static String describe(Finding f) {
        return f.id() + " " + f.account() + "@" + f.authority();
    }

    private static List<Importer.Input> resources(String... paths) {
        List<Importer.Input> out = new ArrayList<>();
        for (String p : paths) out.add(new Importer.Input(p, Imports.resource(p)));
        return out;
    }
}
