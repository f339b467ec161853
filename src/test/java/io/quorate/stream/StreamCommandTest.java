package io.quorate.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quorate.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code quorate stream} refuses what it cannot run before it connects to anything, with exit code 2 and a clear message. */
class StreamCommandTest {

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void the_policy_comes_from_files_or_a_topic_not_both_nor_neither() {
        Run neither = run("stream", "--bootstrap-servers", "127.0.0.1:9");
        assertEquals(2, neither.code());
        assertTrue(neither.err().contains("either as files (--policy) or as a topic (--policy-topic)"), neither.err());
        Run both = run("stream", "--bootstrap-servers", "127.0.0.1:9", "--policy", "policies", "--policy-topic", "p");
        assertEquals(2, both.code());
    }

    @Test
    void screening_takes_no_policy_and_every_stream_needs_brokers() {
        Run screen = run("stream", "--screen", "eos", "--policy", "policies", "--bootstrap-servers", "127.0.0.1:9");
        assertEquals(2, screen.code());
        assertTrue(screen.err().contains("--screen lints accounts and takes no policy"), screen.err());
        Run noBrokers = run("stream", "--screen", "hive");
        assertEquals(2, noBrokers.code());
        assertTrue(noBrokers.err().contains("no brokers: give --bootstrap-servers or bootstrap.servers in --config"), noBrokers.err());
    }

    @Test
    void a_policy_that_does_not_load_stops_the_start_with_its_location() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "quorate: 1\naccounts:\n  vault: {chain: nowhere}\n");
        Run r = run("stream", "--bootstrap-servers", "127.0.0.1:9", "--policy", bad.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("bad.yaml:3:18"), r.err());
        assertTrue(r.err().contains("the policy does not load: not starting"), r.err());
    }

    @Test
    void an_unreadable_properties_file_is_named() {
        Run r = run("stream", "--screen", "eos", "--config", dir.resolve("missing.properties").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("missing.properties`: cannot read the properties file"), r.err());
    }
}
