/**
 * The demos, as a host's own module: they read only the library's modules and what a host brings itself (a pool,
 * a logger, an HTTP client), so compiling them proves that the library's exports are enough to wire what the
 * README shows. An application, it exports nothing. Its main class is the walkthrough; another demo runs as
 * {@code java -p examples/demos/target/modules -m dev.certificatetransfer.examples/<class>}.
 */
module dev.certificatetransfer.examples {
    requires dev.certificatetransfer.core;
    requires dev.certificatetransfer.jdbc;
    requires dev.certificatetransfer.http;
    requires org.eclipse.jetty.server; // optional in adapters-http: the HTTP demo runs CertificateTransferServer
    requires com.zaxxer.hikari;
    requires org.slf4j;
    requires java.net.http;
}
