package dev.certificatetransfer.examples.springboot;

import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.CertificateEvent;
import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.domain.CertificatePem;
import dev.certificatetransfer.domain.CertificateStatus;
import dev.certificatetransfer.domain.Principal;
import dev.certificatetransfer.domain.Refusal;
import dev.certificatetransfer.port.in.CertificateTransferUseCases;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/**
 * A Spring Boot application on the certificate-transfer starter: the starter builds the service over the H2
 * database of {@code application.properties}; this class is the REST API and an event listener. The caller's
 * account comes from the {@code X-Account-Id} header, a stand-in for the host's authentication (Spring Security).
 */
@SpringBootApplication
@RestController
public class CertificateTransferApplication {

    private static final Logger LOG = LoggerFactory.getLogger(CertificateTransferApplication.class);

    private final CertificateTransferUseCases transfers;

    CertificateTransferApplication(CertificateTransferUseCases transfers) {
        this.transfers = transfers;
    }

    /**
     * Starts the application.
     *
     * @param args Spring Boot's arguments, e.g. {@code --server.port=9090}
     */
    public static void main(String[] args) {
        SpringApplication.run(CertificateTransferApplication.class, args);
    }

    @PostMapping("/certificates")
    ResponseEntity<?> register(@RequestHeader("X-Account-Id") AccountId caller, @RequestBody String pem) {
        return answer(CertificatePem.parse(pem)
                .flatMap(parsed -> transfers.registerCertificateWithoutCa(
                        Principal.root(caller), parsed, CertificateStatus.INACTIVE))
                .map(registered ->
                        Map.of("certificateId", registered.certificateId().value())));
    }

    @PostMapping("/certificates/{id}/transfer")
    ResponseEntity<?> transfer(
            @RequestHeader("X-Account-Id") AccountId caller,
            @PathVariable CertificateId id,
            @RequestParam AccountId to) {
        return answer(transfers
                .transferCertificate(Principal.root(caller), id, to, Option.none())
                .map(offered -> Map.of(
                        "transferredCertificateArn",
                        offered.transferredCertificateArn().value())));
    }

    @PostMapping("/certificates/{id}/cancel")
    ResponseEntity<?> cancel(@RequestHeader("X-Account-Id") AccountId caller, @PathVariable CertificateId id) {
        return answer(transfers
                .cancelCertificateTransfer(Principal.root(caller), id)
                .map(certificate -> Map.of("status", certificate.status().toString())));
    }

    @EventListener
    void on(CertificateEvent event) { // after the commit, from the outbox relay
        LOG.info("{} of certificate {} (version {})", event.type(), event.certificateId(), event.version());
    }

    /** The result as 200, or the refusal as a problem (RFC 9457) with its HTTP status. */
    private static ResponseEntity<?> answer(Either<Refusal, Map<String, String>> result) {
        return result.fold(
                refusal -> ResponseEntity.of(ProblemDetail.forStatusAndDetail(status(refusal), refusal.message()))
                        .build(),
                ResponseEntity::ok);
    }

    /** The HTTP status of a refusal, as docs/behaviour.md, section 2 gives it. */
    private static HttpStatusCode status(Refusal refusal) {
        return HttpStatusCode.valueOf(
                switch (refusal.code()) {
                    case INVALID_REQUEST, CERTIFICATE_VALIDATION, THROTTLED -> 400;
                    case UNAUTHORIZED -> 401;
                    case NOT_FOUND -> 404;
                    case CERTIFICATE_STATE -> 406;
                    case TRANSFER_ALREADY_COMPLETED, LIMIT_EXCEEDED -> 410;
                    default -> 409;
                });
    }
}
