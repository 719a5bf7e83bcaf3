/**
 * The certificate-transfer operations over HTTP: a translation layer with no server types
 * ({@link dev.certificatetransfer.adapter.http.CertificateTransferHttpApi}: one route table, two
 * {@link dev.certificatetransfer.adapter.http.Dialect}s, one {@link dev.certificatetransfer.adapter.http.WireError}
 * table) and a thin Jetty 12 binding ({@link dev.certificatetransfer.adapter.http.CertificateTransferServer}).
 */
package dev.certificatetransfer.adapter.http;
