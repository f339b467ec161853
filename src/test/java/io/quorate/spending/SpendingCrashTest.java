package io.quorate.spending;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process recording spends is killed (SIGKILL, no shutdown hook, no close) mid-stream; the store
 * reopens and holds every spend the process acknowledged, exactly, and nothing it did not make.
 */
class SpendingCrashTest {

    @TempDir
    Path dir;

    @Test
    void every_acknowledged_spend_survives_a_killed_process() throws Exception {
        Path file = dir.resolve("crash.db");
        Random r = new Random(99);
        TreeSet<Long> acknowledged = new TreeSet<>();
        long next = 0;
        for (int round = 0; round < 3; round++) {
            int killAfter = 50 + r.nextInt(250);
            Process child = start(file, next, round);
            List<Long> acks = new ArrayList<>();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line = out.readLine();
                assertEquals("open", line, "the child did not open the store: " + stderr(round));
                while (acks.size() < killAfter && (line = out.readLine()) != null) acks.add(Long.parseLong(line.substring(4)));
                assertEquals(killAfter, acks.size(), "the child stopped early: " + stderr(round));
                // SIGKILL through the process handle: Process.destroyForcibly would also close the pipe
                // and lose the acknowledgements still in it
                child.toHandle().destroyForcibly();
                assertTrue(child.waitFor(60, TimeUnit.SECONDS));
                // what it printed before the kill was acknowledged too
                while ((line = out.readLine()) != null) {
                    if (line.startsWith("ack ")) acks.add(Long.parseLong(line.substring(4)));
                }
            }
            acknowledged.addAll(acks);
            try (SpendingStore store = SpendingStore.open(file)) {
                for (long n : acknowledged) {
                    Spend expected = SpendingCrashChild.spend(n);
                    assertEquals(expected, store.find("crash", expected.id()).orElse(null), "round " + round + ": spend " + n);
                }
                // beyond them, only spends the child made and committed but was killed before saying: one a thread at most
                List<Long> unsaid = new ArrayList<>();
                BigDecimal eos = BigDecimal.ZERO;
                BigDecimal hive = BigDecimal.ZERO;
                for (long n = 0; n <= acknowledged.last() + 10; n++) {
                    Spend expected = SpendingCrashChild.spend(n);
                    Spend found = store.find("crash", expected.id()).orElse(null);
                    if (found == null) continue;
                    assertEquals(expected, found);
                    if (!acknowledged.contains(n)) unsaid.add(n);
                    if (found.asset().equals("EOS")) eos = eos.add(found.amount());
                    else hive = hive.add(found.amount());
                }
                assertTrue(unsaid.size() <= 2 * (round + 1), "round " + round + ": unacknowledged spends " + unsaid);
                assertEquals(eos, store.spent("crash", "EOS", Instant.EPOCH, null).total(), "round " + round);
                assertEquals(hive, store.spent("crash", "HIVE", Instant.EPOCH, null).total(), "round " + round);
                assertEquals(acknowledged.size() + unsaid.size(), store.spent("crash", "EOS", Instant.EPOCH, null).count()
                        + store.spent("crash", "HIVE", Instant.EPOCH, null).count(), "round " + round + ": no spend the child did not make");
            }
            next = acknowledged.last() + 100;
        }
        assertTrue(acknowledged.size() >= 150);
    }

    private Process start(Path file, long first, int round) throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "-Xmx128m", "-XX:TieredStopAtLevel=1", "-cp", classpath,
                SpendingCrashChild.class.getName(), file.toString(), Long.toString(first));
        pb.redirectError(dir.resolve("child-" + round + ".err").toFile());
        return pb.start();
    }

    private String stderr(int round) throws Exception {
        Path err = dir.resolve("child-" + round + ".err");
        return Files.exists(err) ? Files.readString(err) : "";
    }
}
