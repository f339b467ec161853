package io.quorate.policy;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Load time and heap per MB of policy YAML, for the README's table:
 * {@code java -Xmx4g -cp target/classes:target/test-classes:DEPS io.quorate.policy.LoadMeasure 10000 20000 40000}.
 * Loading is reading, parsing and checking the model (one thread: its CPU time is steady on a busy machine); compiling the rules is measured by {@code quorate bench}.
 */
public final class LoadMeasure {

    private LoadMeasure() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("| accounts | file MB | load s (wall) | load s (cpu) | cpu s per MB | peak heap MB | peak MB per file MB | model heap MB |");
        System.out.println("|--:|--:|--:|--:|--:|--:|--:|--:|");
        for (String a : args) {
            int accounts = Integer.parseInt(a);
            Path file = Files.createTempFile("policy-", ".yaml");
            Files.writeString(file, OneFilePolicy.of(accounts, 7));
            double mb = Files.size(file) / 1048576.0;
            PolicyLoader.load(List.of(file)); // warm the classes and the JIT once
            long base = settledHeap();
            resetPeaks();
            long start = System.nanoTime();
            long cpuStart = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            PolicySet set = PolicyLoader.load(List.of(file));
            double cpu = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStart) / 1e9;
            double seconds = (System.nanoTime() - start) / 1e9;
            double peak = (peakHeap() - base) / 1048576.0;
            double model = (settledHeap() - base) / 1048576.0;
            System.out.printf("| %,d | %.1f | %.2f | %.2f | %.3f | %.0f | %.1f | %.0f |%n", set.accounts().size(), mb, seconds,
                    cpu, cpu / mb, peak, peak / mb, model);
            Files.delete(file);
        }
    }

    private static long settledHeap() {
        for (int i = 0; i < 3; i++) System.gc();
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }
}
