package dev.certificatetransfer.application;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * Runs {@link CertificateTransferService#sweepExpiredTransfers()} on one daemon thread, every {@code interval}
 * (measured from the end of one sweep to the start of the next), until it is closed. A sweep that throws an
 * exception (a database that is down) is logged and the next one runs as planned; an {@code Error} is logged and
 * stops the sweeping. Reads never need the sweep (they apply expiry themselves); it writes the expiries that no call
 * has written, so their events are not left waiting (docs/behaviour.md, section 14). Safe to close from any thread.
 */
public final class ScheduledExpirySweep implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledExpirySweep.class);

    private final ScheduledExecutorService executor;
    private final IntSupplier sweep;

    private ScheduledExpirySweep(IntSupplier sweep, Duration interval) {
        this.sweep = sweep;
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            var thread = new Thread(runnable, "transfer-expiry-sweep");
            thread.setDaemon(true);
            return thread;
        });
        // the executor is shut down by close(); sweepOnce logs its own failures, so the future holds nothing to read
        var unused = executor.scheduleWithFixedDelay(this::sweepOnce, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Starts sweeping the service's expired transfers now, then every {@code interval}; close it to stop.
     *
     * @param service the service whose {@link CertificateTransferService#sweepExpiredTransfers()} runs
     * @param interval the time from the end of one sweep to the start of the next: at least a millisecond, at most
     *        365,000 days
     * @return the running sweep
     * @throws NullPointerException if either is null
     * @throws IllegalArgumentException if the interval is out of range
     */
    public static ScheduledExpirySweep start(CertificateTransferService service, Duration interval) {
        Objects.requireNonNull(service, "service");
        return start(service::sweepExpiredTransfers, interval);
    }

    static ScheduledExpirySweep start(IntSupplier sweep, Duration interval) {
        Objects.requireNonNull(sweep, "sweep");
        Objects.requireNonNull(interval, "interval");
        if (interval.compareTo(java.time.Duration.ofDays(365_000)) > 0 || interval.toMillis() < 1) {
            throw new IllegalArgumentException("a sweep interval is at least a millisecond and at most 365,000 days");
        }
        return new ScheduledExpirySweep(sweep, interval);
    }

    /** Stops sweeping: lets a running sweep finish (for up to ten seconds, then interrupts it) and starts no other. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** Whether it has stopped for good: closed, and no sweep running any more. */
    boolean isTerminated() {
        return executor.isTerminated();
    }

    private void sweepOnce() {
        try {
            int expired = sweep.getAsInt();
            if (expired > 0) {
                LOG.info("Expired {} transfers", expired);
            }
        } catch (Exception e) { // a sweep failing in any way must not end the schedule
            LOG.warn("The transfer expiry sweep failed; the next one runs as scheduled", e);
        } catch (Error e) { // the JVM is in trouble: say so, and stop sweeping rather than pretend
            LOG.error("The transfer expiry sweep stopped: an Error was thrown", e);
            throw e;
        }
    }
}
