package io.quorate.schema;

import io.quorate.testing.TestFileForm;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quorate.diag.Diagnostic;
import io.quorate.yaml.Expect;
import io.quorate.yaml.FormCheck;
import io.quorate.yaml.YamlReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A test file's fields checked against its declaration, each mistake where it is written. */
class TestFileCheckTest {

    @Test
    void a_well_formed_test_file_has_no_problem() {
        assertEquals(List.of(), check("""
                quorate: 1
                tests:
                  - name: two partners
                    transaction: {account: mymultisig11, action: eosio.token::transfer, signatures: [partner2_active, partner3_active]}
                    expect: allow
                  - name: pairs
                    transaction: {account: mymultisig11, action: eosio.token::transfer}
                    subsets: {of: [partner1_active, partner2_active], size: {1: deny, 2: allow}}
                """));
    }

    @Test
    void an_expectation_that_is_no_decision() {
        assertEquals(List.of("t_test.yaml:5:13: error[invalid-value]: test file: `tests` 1: `expect`: `maybe` is not one of `allow`, `deny`\n"
                        + "  help: write one of `allow`, `deny`"),
                check("""
                        quorate: 1
                        tests:
                          - name: one partner
                            transaction: {account: mymultisig11, action: eosio.token::transfer}
                            expect: maybe
                        """));
    }

    @Test
    void a_misspelled_field_of_an_expectation() {
        assertEquals(List.of("t_test.yaml:5:31: error[unknown-field]: test file: `tests` 1: `expect`: unknown field `used_key`\n"
                        + "  help: did you mean `used_keys`?"),
                check("""
                        quorate: 1
                        tests:
                          - name: two partners
                            transaction: {account: mymultisig11, action: eosio.token::transfer}
                            expect: {decision: allow, used_key: [partner2_active]}
                        """));
    }

    @Test
    void a_file_without_cases() {
        assertEquals(List.of("t_test.yaml:1:1: error[missing-field]: test file: missing field `tests`"),
                check("""
                        quorate: 1
                        policy: eos-mymultisig11.yaml
                        """));
    }

    private static List<String> check(String yaml) {
        List<Diagnostic> problems = new ArrayList<>();
        FormCheck.check(new Expect(problems), YamlReader.read("t_test.yaml", yaml, problems).orElseThrow(),
                TestFileForm.document(), "test file");
        return problems.stream().map(Diagnostic::render).toList();
    }
}
