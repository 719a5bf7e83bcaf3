package dev.certificatetransfer.adapter.springboot;

import org.springframework.context.SmartLifecycle;

import java.util.function.Supplier;

/**
 * A background loop (the outbox relay, the expiry sweep) run by the application context: started once every bean is
 * ready, stopped when the context closes. Its phase starts it before the web server and stops it after, so the
 * events of requests served until the end are still delivered.
 */
final class BackgroundTask implements SmartLifecycle {

    /** Before the web server's phases (SmartLifecycle.DEFAULT_PHASE - 2048 and - 1024). */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

    /** A running loop, stopped once. */
    @FunctionalInterface
    interface Running {
        void stop();
    }

    private final Supplier<Running> starter;
    private Running running;

    BackgroundTask(Supplier<Running> starter) {
        this.starter = starter;
    }

    @Override
    public synchronized void start() {
        if (running == null) {
            running = starter.get();
        }
    }

    @Override
    public synchronized void stop() {
        if (running != null) {
            running.stop();
            running = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return running != null;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
