/**
 * The application: {@link dev.certificatetransfer.application.CertificateTransferService}, which implements the
 * inbound port on the outbound ports a host plugs in (built with its
 * {@link dev.certificatetransfer.application.CertificateTransferService.Builder}), and
 * {@link dev.certificatetransfer.application.ScheduledExpirySweep}, which runs the transfer-expiry sweep on a
 * schedule, and {@link dev.certificatetransfer.application.ServiceListener}, which hears the service's lost races,
 * writes that gave up and sweeps, for metrics. The use cases, one per operation, and the machinery they share are
 * internal to the module.
 */
package dev.certificatetransfer.application;
