package io.quorate.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.cli.Main;
import io.quorate.lint.Finding;
import io.quorate.lint.LintOptions;
import io.quorate.lint.Linter;
import io.quorate.policy.PolicyLoader;
import io.quorate.policy.PolicySet;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The conditions bench's policy is what it says, and the quick run measures both sides. */
class ConditionsBenchTest {

    @Test
    void quick_conditions_bench_prints_rows_without_and_with_conditions() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), "bench", "--quick", "--conditions", "40", "--allowlist", "200");
        assertEquals(0, code, "exit code; standard error:\n" + err);
        String table = out.toString();
        assertTrue(table.contains("| 100 accounts | "), table);
        assertTrue(table.contains("| uniform | 1 | ") && table.contains("| transfers | 1 | "), table);
        // the notes name the version measured, as Maven built it
        assertTrue(table.contains("- quorate " + System.getProperty("quorate.project.version") + "; machine: "), table);
    }

    @Test
    void generated_conditions_have_the_rules_and_entries_asked_for_and_lint_clean(@TempDir Path dir) throws Exception {
        SyntheticPolicy generated = PolicyGenerator.generate(40, 3);
        ConditionsGenerator.Conditioned c = ConditionsGenerator.add(generated, 100, 1_000, 3);
        for (Map.Entry<String, String> f : c.files().entrySet()) Files.writeString(dir.resolve(f.getKey()), f.getValue());
        PolicySet policy = PolicyLoader.load(List.of(dir));
        assertEquals(100, policy.conditions().rules().size());
        assertEquals(1_000, policy.conditions().lists().values().stream().mapToInt(l -> l.size()).sum());
        assertEquals(400, policy.conditions().lists().get("allowlist-eos").size());
        assertEquals(40, policy.conditions().accounts().size());
        assertTrue(c.transfers().size() >= 40 && c.transfers().stream().allMatch(t -> t.actions().get(0).data() != null));
        List<Finding> conditionFindings = Linter.lint(policy, new LintOptions(Map.of(), LocalDate.parse("2026-11-23"))).findings().stream()
                .filter(f -> List.of("shadowed-condition", "condition-never-matches", "approval-unreachable", "no-moment-to-act",
                        "invalid-list-entry").contains(f.id())).toList();
        assertEquals(List.of(), conditionFindings.stream().map(f -> f.at() + " " + f.message()).limit(5).toList());
    }
}
