package dev.certificatetransfer.application;

import dev.certificatetransfer.domain.CertificateId;

/**
 * What the service's own work looks like from inside, for metrics: the compare-and-set races its writes lose, the
 * writes that give up (a call then answers THROTTLED; docs/behaviour.md, section 8), and the expiry sweeps it runs
 * (section 14). Given to {@link CertificateTransferService.Builder#listener}; {@link #none()} by default. What
 * every call answers is seen by a decorator of the inbound port instead.
 *
 * <p>The service calls it on the calling thread, from any number of threads at once, so an implementation is
 * thread-safe and quick; it must not throw (an exception propagates to the caller, as a bug would). Every method
 * does nothing by default.
 */
public interface ServiceListener {

    /**
     * A listener that hears nothing: the default.
     *
     * @return a listener whose methods do nothing
     */
    static ServiceListener none() {
        return new ServiceListener() {};
    }

    /**
     * A write lost the compare-and-set race on a certificate and is decided again on the winner's state (or, for
     * the expiry sweep, looked at again).
     *
     * @param id the certificate
     * @param attempt the attempt that lost, from 1
     */
    default void raceLost(CertificateId id, int attempt) {}

    /**
     * A write lost the race {@code attempts} times in a row and gave up, having written nothing: a call answers
     * THROTTLED, the expiry sweep leaves that transfer to the next sweep.
     *
     * @param id the certificate
     * @param attempts how many attempts it made, the builder's {@code maxCommitAttempts}
     */
    default void gaveUp(CertificateId id, int attempts) {}

    /**
     * An expiry sweep finished without an exception ({@link CertificateTransferService#sweepExpiredTransfers()},
     * whether a host calls it or {@link ScheduledExpirySweep} does).
     *
     * @param expired how many expiries this sweep wrote
     */
    default void sweepFinished(int expired) {}
}
