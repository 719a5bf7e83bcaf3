/**
 * The certificate-transfer operations over HTTP: a translation layer with no server types
 * ({@link dev.certificatetransfer.adapter.http.CertificateTransferHttpApi}: one route table, two
 * {@link dev.certificatetransfer.adapter.http.Dialect}s, one {@link dev.certificatetransfer.adapter.http.WireError}
 * table) and a thin Jetty 12 binding ({@link dev.certificatetransfer.adapter.http.CertificateTransferServer}).
 * Routing, the parsing of input and the two formats are package-private. The wire itself is described in
 * docs/behaviour.md#13-on-the-wire.
 */
package dev.certificatetransfer.adapter.http;
