/**
 * certificate-transfer's metrics in Micrometer: {@code MicrometerCertificateTransferUseCases} times and counts every
 * operation by its outcome, {@code MicrometerServiceListener} counts lost compare-and-set races, writes that gave up
 * and expiry sweeps, {@code OutboxBacklogMetrics} shows the outbox's backlog. Optional: a host without this module
 * pays nothing.
 */
module dev.certificatetransfer.micrometer {
    requires transitive dev.certificatetransfer.core;
    requires transitive micrometer.core;

    exports dev.certificatetransfer.adapter.micrometer;
}
