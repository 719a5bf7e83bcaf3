package dev.certificatetransfer.examples.http;

import dev.certificatetransfer.adapter.authorization.AllowAuthenticatedAuthorizer;
import dev.certificatetransfer.adapter.http.CertificateTransferHttpApi;
import dev.certificatetransfer.adapter.http.CertificateTransferServer;
import dev.certificatetransfer.adapter.http.Dialect;
import dev.certificatetransfer.adapter.http.auth.AccessKey;
import dev.certificatetransfer.adapter.http.auth.InMemoryCredentialsStore;
import dev.certificatetransfer.adapter.http.auth.Secret;
import dev.certificatetransfer.adapter.memory.InMemoryCertificateRepository;
import dev.certificatetransfer.application.CertificateTransferService;
import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.domain.CertificateStatus;
import dev.certificatetransfer.domain.Principal;
import dev.certificatetransfer.examples.DemoCertificates;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The AWS-dialect server the HTTP benchmarks and the load script run against: in-memory storage, demo
 * certificates registered for Alice, and Alice's demo access key (fixed demo credentials, never for production).
 */
public final class DemoHttpServer implements AutoCloseable {

    /** Alice's demo access key id and secret (the AWS documentation's example secret). */
    public static final String ACCESS_KEY_ID = "AKIDDEMOALICE0000000";

    public static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    public static final String REGION = "us-east-1";
    public static final AccountId ALICE = new AccountId("111111111111");
    public static final AccountId BOB = new AccountId("222222222222");

    private final CertificateTransferServer server;
    private final List<CertificateId> certificates = new ArrayList<>();

    /**
     * Registers {@code certificates} demo certificates (at most {@link DemoCertificates#COUNT}) and starts on
     * {@code port} (0 for an ephemeral one), verifying signatures or, when {@code verifySignatures} is false,
     * trusting the access key id ({@link TrustingAccessKeyAuthenticator}, for measuring verification's cost).
     */
    public DemoHttpServer(int port, int certificates, boolean verifySignatures) {
        var service = CertificateTransferService.builder()
                .repository(new InMemoryCertificateRepository())
                .authorizer(new AllowAuthenticatedAuthorizer())
                .clock(Clock.systemUTC())
                .build();
        for (int i = 1; i <= certificates; i++) {
            this.certificates.add(service.registerCertificateWithoutCa(
                            Principal.root(ALICE), DemoCertificates.parsed(i), CertificateStatus.INACTIVE)
                    .get()
                    .certificateId());
        }
        var credentials = new InMemoryCredentialsStore()
                .add(new AccessKey(ACCESS_KEY_ID, Secret.of(SECRET), Principal.root(ALICE)));
        var api = CertificateTransferHttpApi.builder().service(service).dialect(Dialect.AWS);
        if (verifySignatures) {
            api.credentials(credentials);
        } else {
            api.authenticator(new TrustingAccessKeyAuthenticator(credentials));
        }
        this.server = CertificateTransferServer.builder()
                .api(api.build())
                .port(port)
                .nonBlockingService(true)
                .build()
                .start();
    }

    public int port() {
        return server.port();
    }

    /** The {@code Host} header a client sends to this server. */
    public String host() {
        return "127.0.0.1:" + port();
    }

    /** The id of demo certificate {@code index} (from 0). */
    public CertificateId certificate(int index) {
        return certificates.get(index);
    }

    /** A signer with Alice's demo key for this server. */
    public DemoSigner signer() {
        return new DemoSigner(ACCESS_KEY_ID, SECRET, REGION, host());
    }

    @Override
    public void close() {
        server.close();
    }
}
