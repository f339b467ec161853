package io.quorate.engine;

import io.quorate.compile.Check;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

/**
 * One thread's long-lived Drools session over the shared KieBase: a check is inserted, the rules
 * fire, the check is removed. Reusing the session keeps per-decision cost to the rule work itself.
 */
final class RuleSession {

    private final KieSession session;

    RuleSession(KieBase base) {
        this.session = base.newKieSession();
    }

    /** Lets the rules judge {@code check}; true when the rule of its authority granted it. */
    boolean judge(Check check) {
        FactHandle handle = session.insert(check);
        try {
            session.fireAllRules();
        } finally {
            session.delete(handle);
        }
        return check.granted();
    }

    void dispose() {
        session.dispose();
    }
}
