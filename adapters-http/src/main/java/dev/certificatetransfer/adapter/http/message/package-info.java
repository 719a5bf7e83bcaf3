/**
 * An HTTP request and response with no server types: what the translation layer
 * ({@link dev.certificatetransfer.adapter.http.CertificateTransferHttpApi}) takes and returns, and what an
 * {@link dev.certificatetransfer.adapter.http.auth.Authenticator} reads.
 */
package dev.certificatetransfer.adapter.http.message;
