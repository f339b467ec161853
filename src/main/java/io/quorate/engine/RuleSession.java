package io.quorate.engine;

import io.quorate.rules.AuthorityCheck;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.conf.ThreadSafeOption;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

/**
 * One thread's long-lived Drools session over the shared KieBase: a check is inserted, the rules
 * fire, the check is removed. Reusing the session keeps per-decision cost to the rule work itself.
 * A session is busy while its thread decides; when its policy is retired it is disposed at once
 * if idle, else by its thread when the decision in flight ends.
 */
final class RuleSession {

    private final KieSession session;
    private boolean busy;
    private boolean disposed;

    RuleSession(KieBase base) {
        // One thread owns the session, so Drools's synchronised propagation queue is not needed.
        KieSessionConfiguration conf = KieServices.Factory.get().newKieSessionConfiguration();
        conf.setOption(ThreadSafeOption.NO);
        this.session = base.newKieSession(conf, null);
    }

    /** Lets the rules judge {@code check}; true when the rule of its authority granted it. */
    boolean judge(AuthorityCheck check) {
        FactHandle handle = session.insert(check);
        try {
            session.fireAllRules();
        } finally {
            session.delete(handle);
        }
        return check.granted();
    }

    /** Marks the session busy for one decision; false when it was already disposed. */
    synchronized boolean acquire() {
        if (disposed) return false;
        busy = true;
        return true;
    }

    /** Ends the decision; a session whose policy was retired meanwhile is disposed now. */
    synchronized void release(boolean retired) {
        busy = false;
        if (retired) dispose();
    }

    synchronized void disposeIfIdle() {
        if (!busy) dispose();
    }

    synchronized void dispose() {
        if (!disposed) {
            disposed = true;
            session.dispose();
        }
    }
}
