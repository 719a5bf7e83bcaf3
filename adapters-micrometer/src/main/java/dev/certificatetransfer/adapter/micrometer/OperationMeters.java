package dev.certificatetransfer.adapter.micrometer;

import dev.certificatetransfer.domain.Refusal;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vavr.control.Either;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** The counter and the timer of one operation, one pair per outcome, registered when the outcome first occurs. */
final class OperationMeters {

    private final MeterRegistry registry;
    private final String operation;
    private final ConcurrentMap<String, Pair> byOutcome = new ConcurrentHashMap<>();

    OperationMeters(MeterRegistry registry, String operation) {
        this.registry = registry;
        this.operation = operation;
    }

    /** Calls, then counts and times the answer by its outcome; an exception is counted too, and propagates. */
    <T> Either<Refusal, T> record(Supplier<Either<Refusal, T>> call) {
        long started = registry.config().clock().monotonicTime();
        String outcome = MeterNames.EXCEPTION;
        try {
            var answer = call.get();
            outcome = answer.isLeft() ? answer.getLeft().code().name() : MeterNames.OK;
            return answer;
        } finally {
            var pair = byOutcome.computeIfAbsent(outcome, this::register);
            pair.counter.increment();
            pair.timer.record(registry.config().clock().monotonicTime() - started, TimeUnit.NANOSECONDS);
        }
    }

    private Pair register(String outcome) {
        return new Pair(
                Counter.builder(MeterNames.OPERATIONS)
                        .description("Operations answered, by operation and outcome")
                        .tag(MeterNames.OPERATION, operation)
                        .tag(MeterNames.OUTCOME, outcome)
                        .register(registry),
                Timer.builder(MeterNames.OPERATION_DURATION)
                        .description("How long operations took to answer, by operation and outcome")
                        .tag(MeterNames.OPERATION, operation)
                        .tag(MeterNames.OUTCOME, outcome)
                        .register(registry));
    }

    private record Pair(Counter counter, Timer timer) {}
}
