package io.quorate.rules;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One long-lived Drools session per thread over one rule base (making a session costs far more
 * than a decision), retired together when a reload replaces the rule base: idle sessions are
 * disposed at once, busy ones when their decision ends, and a caller still holding the retired
 * rule base decides on a fresh session of its own.
 */
public final class ThreadSessions<S extends ThreadSessions.Session> {

    /** A session one thread uses at a time; {@link #close} frees its Drools sessions, once. */
    public abstract static class Session {

        private boolean busy;
        private boolean disposed;

        /** Frees what the session holds; called once, when it is disposed. */
        protected abstract void close();

        private synchronized boolean acquire() {
            if (disposed) return false;
            busy = true;
            return true;
        }

        private synchronized void release(boolean retired) {
            busy = false;
            if (retired) dispose();
        }

        private synchronized void disposeIfIdle() {
            if (!busy) dispose();
        }

        private void dispose() {
            if (!disposed) {
                disposed = true;
                close();
            }
        }
    }

    private final Supplier<S> factory;
    private final ThreadLocal<S> sessions;
    private final Set<S> all = ConcurrentHashMap.newKeySet();
    private volatile boolean retired;

    public ThreadSessions(Supplier<S> factory) {
        this.factory = factory;
        this.sessions = ThreadLocal.withInitial(() -> {
            S session = factory.get();
            all.add(session);
            return session;
        });
    }

    /** {@code work} on this thread's session, or on a fresh one when the rule base was retired meanwhile. */
    public <T> T with(Function<S, T> work) {
        S session = sessions.get();
        if (!((Session) session).acquire()) {
            session = factory.get();
            ((Session) session).acquire();
        }
        try {
            return work.apply(session);
        } finally {
            ((Session) session).release(retired);
        }
    }

    /** Retires the rule base: every session is disposed, idle ones now and busy ones when their work ends. */
    public void retire() {
        retired = true;
        all.forEach(Session::disposeIfIdle);
    }
}
