/**
 * The model: ids and values that validate themselves ({@link dev.certificatetransfer.domain.CertificateId},
 * {@link dev.certificatetransfer.domain.AccountId}, {@link dev.certificatetransfer.domain.TransferMessage}, ...),
 * the {@link dev.certificatetransfer.domain.Certificate} with its {@link dev.certificatetransfer.domain.Transfer},
 * the {@link dev.certificatetransfer.domain.CertificateEvent}s a change records, the
 * {@link dev.certificatetransfer.domain.Refusal}s an operation answers, the caller
 * ({@link dev.certificatetransfer.domain.Principal}) and what the Authorizer is asked about
 * ({@link dev.certificatetransfer.domain.IotAction}, {@link dev.certificatetransfer.domain.Resource}).
 *
 * <p>Every type here is immutable, so safe to share between threads. A value's constructor is for trusted values
 * and throws on a bad one; its {@code parse} method takes any text, {@code null} included, and answers the value or a
 * refusal, never an exception (docs/behaviour.md, section 6). Apart from what a {@code parse} method reads, no
 * parameter accepts {@code null} and no method returns it: an optional value is an {@code io.vavr.control.Option}.
 * No {@code toString} here prints a certificate's PEM.
 */
package dev.certificatetransfer.domain;
