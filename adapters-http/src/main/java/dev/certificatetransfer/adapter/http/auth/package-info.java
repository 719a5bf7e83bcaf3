/**
 * Who sent a request: one {@link dev.certificatetransfer.adapter.http.auth.Authenticator} port with its two
 * implementations, Signature Version 4 for the AWS dialect
 * ({@link dev.certificatetransfer.adapter.http.auth.SigV4Authenticator}) and bearer tokens for the envelope
 * ({@link dev.certificatetransfer.adapter.http.auth.BearerTokenAuthenticator}), and the credentials port they read
 * ({@link dev.certificatetransfer.adapter.http.auth.CredentialsStore}, kept in memory or loaded from a CSV file).
 * The canonical request, the signing keys and the rules a signature must meet are package-private.
 */
package dev.certificatetransfer.adapter.http.auth;
