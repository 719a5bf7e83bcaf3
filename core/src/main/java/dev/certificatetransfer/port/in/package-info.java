/**
 * The inbound port: {@link dev.certificatetransfer.port.in.CertificateTransferUseCases}, every operation of the
 * certificate-transfer lifecycle, with its request and result types (paging and sort order included). Hosts and
 * HTTP adapters call it; {@code CertificateTransferService} implements it. What each operation does is written in
 * docs/behaviour.md; the Javadoc here links to its sections.
 *
 * <p>No parameter in this package accepts {@code null}, except the raw text a {@code parse} method reads, and no
 * method returns {@code null}: an optional value is an {@code io.vavr.control.Option}. The records and enums here
 * are immutable, so safe to share between threads.
 */
package dev.certificatetransfer.port.in;
