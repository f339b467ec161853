package io.quorate.conditions;

import io.quorate.policy.conditions.NamedList;
import io.quorate.rules.ThreadSessions;
import java.util.Map;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

/**
 * One thread's long-lived Drools session over the conditions' KieBase. The list facts are
 * inserted once, when the session is made; per action a check is inserted, the rules fire, the
 * check is removed. Its lifetime is {@link ThreadSessions}'s.
 */
final class ConditionsSession extends ThreadSessions.Session {

    private KieSession session;

    ConditionsSession(KieBase base, Map<String, NamedList> lists) {
        // Thread-safe (Drools's default) although one thread owns the session: with
        // ThreadSafeOption.NO every rule's consequence passes its facts in one array kept by the
        // rule in the KieBase, shared by all threads' sessions, so a rule firing on two threads at
        // once could mark the other thread's check and miss its own (a missed deny allows).
        session = base.newKieSession();
        lists.forEach((name, list) -> session.insert(new ConditionList(name, list.entries())));
    }

    /** Lets the rules judge {@code check}; it leaves no fact behind, whatever happens. */
    void judge(ConditionCheck check) {
        FactHandle handle = null;
        try {
            handle = session.insert(check);
            session.fireAllRules();
        } finally {
            if (handle == null) handle = session.getFactHandle(check);
            if (handle != null) session.delete(handle);
        }
    }

    @Override
    protected void close() {
        session.dispose();
        session = null;
    }
}
