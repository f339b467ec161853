package io.quorate.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.diag.Diagnostic;
import io.quorate.diag.InputException;
import io.quorate.policy.PolicyLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bad plans are reported all at once, each problem with its file, line and column and a way to fix it. */
class PlanLoaderTest {

    static List<Diagnostic> problems(String plan) throws Exception {
        var policy = PolicyLoader.load("policy.yaml", CasperPlanTest.POLICY);
        InputException e = assertThrows(InputException.class, () -> PlanLoader.load("plan.yaml", plan, policy));
        return e.diagnostics();
    }

    @Test
    void every_problem_is_reported_with_its_position() throws Exception {
        List<Diagnostic> d = problems("""
                quorate: 1
                account: acct
                steps:
                  - {op: add_asociated_key, key: user_1, weight: 1}
                  - {op: updateauth, permission: active, auth: {threshold: 1}}
                  - {op: add_associated_key, account: nobody, key: user_1, weight: 1}
                  - {op: add_associated_key, key: user_9, weight: 300}
                  - {op: remove_associated_key, key: user_1, colour: red}
                """);
        List<String> codes = d.stream().map(Diagnostic::code).toList();
        assertEquals(List.of("unknown-operation", "operation-of-another-chain", "unknown-account", "unknown-key", "out-of-range", "unknown-field"), codes);
        assertEquals("plan.yaml", d.get(0).at().file());
        assertEquals(4, d.get(0).at().line());
        assertTrue(d.get(0).help().contains("add_associated_key"), d.get(0).help());
        assertEquals(7, d.get(3).at().line());
    }

    @Test
    void calls_of_one_deploy_must_stay_together() throws Exception {
        List<Diagnostic> d = problems("""
                quorate: 1
                account: acct
                steps:
                  - {op: add_associated_key, key: user_3, weight: 1, deploy: a}
                  - {op: remove_associated_key, key: user_3}
                  - {op: remove_associated_key, key: user_2, deploy: a}
                """);
        assertEquals("split-deploy", d.get(0).code());
        assertEquals(6, d.get(0).at().line());
    }

    @Test
    void a_plan_that_is_not_yaml_is_a_syntax_error_with_a_position() throws Exception {
        List<Diagnostic> d = problems("quorate: 1\nsteps: [\n");
        assertEquals("plan.yaml", d.get(0).at().file());
        assertTrue(d.get(0).at().line() >= 1);
    }
}
