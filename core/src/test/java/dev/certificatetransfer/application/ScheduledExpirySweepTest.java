package dev.certificatetransfer.application;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** The scheduled sweep runner: it keeps sweeping after a failed sweep, on a daemon thread, until it is closed. */
class ScheduledExpirySweepTest {

    @Test
    void a_failing_sweep_is_logged_and_the_next_one_runs_as_planned() throws Exception {
        var calls = new AtomicInteger();
        var threeCalls = new CountDownLatch(3);
        var daemon = new AtomicBoolean();
        var runner = ScheduledExpirySweep.start(
                () -> {
                    daemon.set(Thread.currentThread().isDaemon());
                    threeCalls.countDown();
                    if (calls.incrementAndGet() == 1) {
                        throw new IllegalStateException("the database is down (on purpose)");
                    }
                    return 0;
                },
                Duration.ofMillis(1));
        try {
            assertThat(threeCalls.await(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            runner.close();
        }
        assertThat(daemon).isTrue();
    }

    @Test
    void once_closed_it_sweeps_no_more() throws Exception {
        var calls = new AtomicInteger();
        var firstCall = new CountDownLatch(1);
        var runner = ScheduledExpirySweep.start(
                () -> {
                    calls.incrementAndGet();
                    firstCall.countDown();
                    return 1;
                },
                Duration.ofMillis(1));
        assertThat(firstCall.await(10, TimeUnit.SECONDS)).isTrue();
        runner.close();

        assertThat(runner.isTerminated())
                .as("no sweep runs, and none can start, once close() returns")
                .isTrue();
    }
}
