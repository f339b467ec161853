package io.quorate.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line of `quorate serve`: options it cannot start with are bad input (exit 2). */
class ServeCommandTest {

    @TempDir
    Path dir;

    private int run(StringWriter err, String... args) {
        return Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err, true), args);
    }

    @Test
    void an_unreadable_token_file_is_bad_input() {
        StringWriter err = new StringWriter();
        assertEquals(2, run(err, "serve", "--policy", dir.toString(), "--port", "0", "--token-file", dir.resolve("missing").toString()));
        assertTrue(err.toString().contains("token file"), err.toString());
    }

    @Test
    void a_missing_policy_option_is_bad_input_and_help_lists_the_options() {
        StringWriter err = new StringWriter();
        assertEquals(2, run(err, "serve", "--port", "0"));
        StringWriter out = new StringWriter();
        assertEquals(0, Main.run(new PrintWriter(out, true), new PrintWriter(new StringWriter()), "serve", "--help"));
        for (String option : new String[]{"--policy", "--port", "--bind", "--watch", "--token-file", "--tls-keystore", "--decision-log"}) {
            assertTrue(out.toString().contains(option), option);
        }
    }

    @Test
    void nonsensical_limits_are_refused_before_the_server_starts() {
        String[][] cases = {{"--request-timeout-ms", "0"}, {"--request-timeout-ms", "-5"}, {"--max-batch", "-1"},
                {"--max-body-bytes", "0"}, {"--decision-log-queue", "-1"}, {"--threads", "-2"}, {"--shutdown-timeout-ms", "-1"}};
        for (String[] c : cases) {
            StringWriter err = new StringWriter();
            assertEquals(2, run(err, "serve", "--policy", dir.toString(), "--port", "0", c[0], c[1]), c[0] + " " + c[1]);
            assertTrue(err.toString().contains(c[0]) && err.toString().contains("`" + c[1] + "`"), err.toString());
        }
    }

    @Test
    void a_keystore_that_is_not_one_is_refused_with_a_message_saying_so() throws Exception {
        Path garbage = java.nio.file.Files.writeString(dir.resolve("garbage.p12"), "not a keystore");
        StringWriter err = new StringWriter();
        assertEquals(2, run(err, "serve", "--policy", dir.toString(), "--port", "0", "--tls-keystore", garbage.toString()));
        assertTrue(err.toString().contains("garbage.p12`: not a readable PKCS12 keystore"), err.toString());
        assertTrue(!err.toString().contains("null"), err.toString());
    }

    @Test
    void spending_options_it_cannot_keep_are_bad_input() {
        String[][] cases = {{"--spending-retention", "0h"}, {"--spending-retention", "30m"}, {"--spending-periods", "60d"},
                {"--spending-periods", "1y"}, {"--spending-db", dir.resolve("no/such/dir/spending.db").toString()}};
        for (String[] c : cases) {
            StringWriter err = new StringWriter();
            assertEquals(2, run(err, "serve", "--policy", dir.toString(), "--port", "0", c[0], c[1]), c[0] + " " + c[1]);
            assertTrue(err.toString().contains(c[0]), err.toString());
            assertTrue(!err.toString().contains("Exception"), err.toString());
            if (c[0].equals("--spending-db")) assertTrue(err.toString().contains("does not exist"), err.toString());
        }
    }
}
