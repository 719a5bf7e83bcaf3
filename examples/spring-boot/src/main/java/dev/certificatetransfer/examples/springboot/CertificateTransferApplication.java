package dev.certificatetransfer.examples.springboot;

import dev.certificatetransfer.domain.CertificateEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.event.EventListener;

/**
 * A Spring Boot application on the certificate-transfer starter, configured in {@code application.properties}: the
 * starter stores in its H2 database and serves the library's HTTP API, in AWS's dialect, on the application's own
 * web server; this class logs each committed event.
 */
@SpringBootApplication
public class CertificateTransferApplication {

    private static final Logger LOG = LoggerFactory.getLogger(CertificateTransferApplication.class);

    /**
     * Starts the application.
     *
     * @param args Spring Boot's arguments, e.g. {@code --server.port=9090}
     */
    public static void main(String[] args) {
        SpringApplication.run(CertificateTransferApplication.class, args);
    }

    @EventListener
    void on(CertificateEvent event) { // after the commit, from the outbox relay
        LOG.info("{} of certificate {} by {}", event.type(), event.certificateId(), event.actor());
    }
}
