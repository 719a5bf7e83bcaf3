/**
 * certificate-transfer over HTTP: the translation layer {@code CertificateTransferHttpApi} (AWS's restJson1 or a
 * JSON envelope, with no server types) and {@code CertificateTransferServer}, which serves it on Jetty 12
 * ({@code dev.certificatetransfer.adapter.http}); authentication by Signature Version 4 or bearer tokens behind one
 * {@code Authenticator}, with the credentials port ({@code .auth}); the request and response the translation layer
 * takes and returns ({@code .message}). Routing, parsing, the two formats and the Signature Version 4 internals are
 * package-private.
 *
 * <p>Jetty is optional ({@code requires static}): only {@code CertificateTransferServer} needs it, and a host that
 * serves the translation layer on its own HTTP stack runs without Jetty on its class or module path. A host that
 * runs {@code CertificateTransferServer} adds {@code org.eclipse.jetty:jetty-server} and, on the module path,
 * {@code requires org.eclipse.jetty.server}.
 */
module dev.certificatetransfer.http {
    requires transitive dev.certificatetransfer.core;
    requires com.fasterxml.jackson.databind;
    requires static org.eclipse.jetty.server;
    requires org.slf4j;

    exports dev.certificatetransfer.adapter.http;
    exports dev.certificatetransfer.adapter.http.auth;
    exports dev.certificatetransfer.adapter.http.message;
}
