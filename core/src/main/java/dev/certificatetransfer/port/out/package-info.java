/**
 * The outbound ports a host plugs in: where certificates live ({@link
 * dev.certificatetransfer.port.out.CertificateRepository}), who may do what ({@link
 * dev.certificatetransfer.port.out.Authorizer}), what is attached to a certificate ({@link
 * dev.certificatetransfer.port.out.AttachmentQuery}), where committed events go ({@link
 * dev.certificatetransfer.port.out.EventPublisher}) and who may send certificates to whom ({@link
 * dev.certificatetransfer.port.out.TransferRule}). What a repository author needs beyond the port is in {@code spi}.
 *
 * <p>The service calls these ports from many threads at once, so implementations must be thread-safe. No method here
 * accepts or returns {@code null}. An infrastructure failure is an exception that propagates, never a business
 * answer.
 */
package dev.certificatetransfer.port.out;
