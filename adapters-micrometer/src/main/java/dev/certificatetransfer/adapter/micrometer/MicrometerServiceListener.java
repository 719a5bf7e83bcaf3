package dev.certificatetransfer.adapter.micrometer;

import dev.certificatetransfer.application.ServiceListener;
import dev.certificatetransfer.domain.CertificateId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.Objects;

/**
 * Counts what the service tells its {@link ServiceListener}: lost compare-and-set races
 * ({@value MeterNames#COMMIT_RACES_LOST}), writes that gave up ({@value MeterNames#COMMIT_GAVE_UP}: a call then
 * answers THROTTLED), finished expiry sweeps ({@value MeterNames#EXPIRY_SWEEPS}) and the expiries they wrote
 * ({@value MeterNames#EXPIRY_SWEPT}). Give it to {@code CertificateTransferService.builder().listener(...)}. Its
 * counters are registered when it is made, so they read 0 before anything happened. Thread-safe.
 */
public final class MicrometerServiceListener implements ServiceListener {

    private final Counter racesLost;
    private final Counter gaveUp;
    private final Counter sweeps;
    private final Counter swept;

    /**
     * Registers the counters.
     *
     * @param registry where the counters are registered
     */
    public MicrometerServiceListener(MeterRegistry registry) {
        Objects.requireNonNull(registry, "registry");
        racesLost = Counter.builder(MeterNames.COMMIT_RACES_LOST)
                .description("Compare-and-set races lost by writes, each decided again")
                .register(registry);
        gaveUp = Counter.builder(MeterNames.COMMIT_GAVE_UP)
                .description("Writes that lost every attempt and gave up (a call answered THROTTLED)")
                .register(registry);
        sweeps = Counter.builder(MeterNames.EXPIRY_SWEEPS)
                .description("Transfer expiry sweeps finished")
                .register(registry);
        swept = Counter.builder(MeterNames.EXPIRY_SWEPT)
                .description("Transfer expiries written by the sweeps")
                .register(registry);
    }

    @Override
    public void raceLost(CertificateId id, int attempt) {
        racesLost.increment();
    }

    @Override
    public void gaveUp(CertificateId id, int attempts) {
        gaveUp.increment();
    }

    @Override
    public void sweepFinished(int expired) {
        sweeps.increment();
        swept.increment(expired);
    }
}
