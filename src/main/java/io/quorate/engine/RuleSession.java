package io.quorate.engine;

import io.quorate.rules.AuthorityCheck;
import io.quorate.rules.EvaluationLimitException;
import io.quorate.rules.RuleBase;
import io.quorate.rules.ThreadSessions;
import org.kie.api.KieServices;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.conf.ThreadSafeOption;
import org.kie.api.runtime.rule.FactHandle;

/**
 * One thread's long-lived Drools sessions over the shared rules, one per shard, each made when a
 * check first reaches its shard: a check is inserted into its shard's session, the rules fire, the
 * check is removed. Reusing the sessions keeps per-decision cost to the rule work itself; their
 * lifetime is {@link ThreadSessions}'s.
 */
final class RuleSession extends ThreadSessions.Session {

    /** Null once disposed, so a thread's idle sessions no longer hold their retired rule base. */
    private RuleBase rules;
    /** Per shard; null until a check first reaches the shard. */
    private KieSession[] sessions;
    RuleSession(RuleBase rules) {
        this.rules = rules;
        this.sessions = new KieSession[rules.shards()];
    }

    private KieSession session(int target) {
        int shard = rules.shardOf(target);
        KieSession session = sessions[shard];
        if (session == null) {
            // One thread owns the session, so it needs none of Drools' thread-safety (a lock and a
            // queued propagation per insert). Safe only because the rules' consequences name no
            // fact (RuleBase): without thread-safety, a consequence that names one is handed it
            // through an array its rule keeps in the KieBase that every thread's session shares.
            session = rules.kieBase(shard).newKieSession(singleThreaded(), null);
            sessions[shard] = session;
        }
        return session;
    }

    private static KieSessionConfiguration singleThreaded() {
        KieSessionConfiguration conf = KieServices.get().newKieSessionConfiguration();
        conf.setOption(ThreadSafeOption.NO);
        return conf;
    }

    /**
     * Lets the rules judge {@code check}; true when the rule of its authority fired, which grants
     * it: the session holds this one check, and only the rule of its target can match it. A
     * condition that throws (a spent budget, a defect) leaves no fact behind in the session.
     */
    boolean judge(AuthorityCheck check) {
        KieSession session = session(check.getTarget());
        FactHandle handle = null;
        try {
            handle = session.insert(check);
            return session.fireAllRules() > 0;
        } catch (RuntimeException e) {
            throw unwrap(e);
        } finally {
            if (handle == null) handle = session.getFactHandle(check);
            if (handle != null) session.delete(handle);
        }
    }

    /** Drools wraps what a condition throws; a spent budget is reported as itself. */
    private static RuntimeException unwrap(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof EvaluationLimitException limit) return limit;
        }
        return e;
    }

    @Override
    protected void close() {
        for (KieSession session : sessions) {
            if (session != null) session.dispose();
        }
        sessions = null;
        rules = null;
    }
}
