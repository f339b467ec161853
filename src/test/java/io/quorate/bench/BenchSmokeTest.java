package io.quorate.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The quick bench runs end to end and prints its table; how fast is for the bench to show, not for a test. */
class BenchSmokeTest {

    private static final Pattern ROW = Pattern.compile("(?m)^\\| 100 accounts \\| [0-9.]+ \\| [0-9]+ \\| uniform \\| 1 \\| [0-9,]+ \\|");

    @Test
    void quick_bench_prints_a_table_row_for_each_mode() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), "bench", "--quick");
        String table = out.toString();
        assertEquals(0, code, "exit code; standard error:\n" + err);
        assertTrue(table.startsWith(BenchReport.HEADER), table);
        assertTrue(ROW.matcher(table).find(), table);
        for (String mode : new String[] {"hot (10 accounts)", "deny (one signature short)", "uniform, raw public keys"}) {
            assertTrue(table.contains("| " + mode + " | 1 | "), mode + " row missing:\n" + table);
        }
    }

    @Test
    void generated_policy_mixes_the_chains_and_signs_exactly_what_is_needed() {
        SyntheticPolicy policy = PolicyGenerator.generate(40, 7);
        String yaml = String.join("\n", policy.files().values());
        for (String chain : new String[] {"eos", "hive", "casper", "ft4"}) {
            assertTrue(yaml.contains("chain: " + chain), chain);
        }
        assertEquals(3 * 40, policy.allowed().size());
        assertEquals(policy.allowed().size(), policy.allowedRawKeys().size());
        assertEquals(10, policy.hotAccounts().size());
    }
}
