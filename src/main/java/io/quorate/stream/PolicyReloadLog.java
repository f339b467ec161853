package io.quorate.stream;

import io.quorate.diag.Diagnostic;
import io.quorate.engine.PreparedPolicy;
import java.util.List;
import org.slf4j.Logger;

/** The log lines of a rejected policy revision, the same whether it came from files or a topic. */
final class PolicyReloadLog {

    private PolicyReloadLog() {
    }

    static void rejected(Logger log, String origin, List<Diagnostic> problems, PreparedPolicy kept) {
        log.warn("policy from {} rejected: {} {}; {}", origin, problems.size(), problems.size() == 1 ? "problem" : "problems",
                kept(kept));
        problems.stream().limit(20).forEach(d -> log.warn("  {}", d.render()));
    }

    static void failed(Logger log, String origin, Throwable e, PreparedPolicy kept) {
        log.warn("policy from {} failed to compile: {}; {}", origin, e.toString(), kept(kept));
    }

    private static String kept(PreparedPolicy kept) {
        return kept == null ? "no policy is deciding" : "still deciding with " + kept.revision();
    }
}
