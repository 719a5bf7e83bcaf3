package dev.certificatetransfer.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certificatetransfer.adapter.authorization.AllowAuthenticatedAuthorizer;
import dev.certificatetransfer.adapter.memory.InMemoryCertificateRepository;
import dev.certificatetransfer.domain.AccountQuota;
import dev.certificatetransfer.domain.CertificateEvent.CertificateRegistered;
import dev.certificatetransfer.domain.CertificateMode;
import dev.certificatetransfer.domain.CertificateStatus;
import dev.certificatetransfer.domain.KeyPairPem;
import dev.certificatetransfer.domain.Principal;
import dev.certificatetransfer.domain.RefusalCode;
import dev.certificatetransfer.port.out.CertificateIssuer;
import dev.certificatetransfer.testing.Accounts;
import dev.certificatetransfer.testing.RecordingEventPublisher;
import dev.certificatetransfer.testing.TestCertificates;
import dev.certificatetransfer.testing.TickingClock;
import io.vavr.control.Either;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * CreateKeysAndCertificate and CreateCertificateFromCsr in core (docs/behaviour.md, section 16), with an issuer that
 * hands out the test certificates one after the other and counts what it was asked.
 */
class IssueCertificateTest {

    static final Principal ALICE = Accounts.principal(Accounts.ALICE);

    final AtomicInteger keyPairs = new AtomicInteger();
    final AtomicInteger signed = new AtomicInteger();
    final CertificateIssuer issuer = new CertificateIssuer() {
        @Override
        public IssuedKeysAndCertificate issueWithNewKeys() {
            int n = keyPairs.getAndIncrement();
            return new IssuedKeysAndCertificate(TestCertificates.pem(n), new KeyPairPem("public " + n, "private " + n));
        }

        @Override
        public Either<String, String> issueFromCsr(String csrPem) {
            return csrPem.equals("good")
                    ? Either.right(TestCertificates.pem(5 - signed.getAndIncrement()))
                    : Either.left("not a CSR");
        }

        @Override
        public String authorityCertificatePem() {
            return "ca";
        }
    };
    final RecordingEventPublisher events = new RecordingEventPublisher();

    CertificateTransferService service(AccountQuota quota) {
        return CertificateTransferService.builder()
                .repository(new InMemoryCertificateRepository(events))
                .authorizer(new AllowAuthenticatedAuthorizer())
                .clock(new TickingClock())
                .accountQuota(quota)
                .issuer(issuer)
                .build();
    }

    @Test
    void an_issued_certificate_is_registered_to_the_caller_in_default_mode_and_the_key_pair_is_only_in_the_answer() {
        var created = service(AccountQuota.unlimited())
                .createKeysAndCertificate(ALICE, true)
                .get();

        assertThat(created.certificate().owner()).isEqualTo(Accounts.ALICE);
        assertThat(created.certificate().status()).isEqualTo(CertificateStatus.ACTIVE);
        assertThat(created.certificate().mode()).isEqualTo(CertificateMode.DEFAULT);
        assertThat(created.certificateId()).isEqualTo(TestCertificates.id(0));
        assertThat(created.keyPair().privateKey()).isEqualTo("private 0");
        assertThat(created.toString()).doesNotContain("private 0");
        var registered = (CertificateRegistered) events.events().single();
        assertThat(registered.mode()).isEqualTo(CertificateMode.DEFAULT);
        assertThat(registered.toString()).doesNotContain("private 0");
    }

    @Test
    void a_request_the_ca_refuses_is_an_invalid_request_and_a_good_one_is_registered_inactive_by_default() {
        var service = service(AccountQuota.unlimited());
        var refused = service.createCertificateFromCsr(ALICE, "bad", false);
        assertThat(refused.getLeft().code()).isEqualTo(RefusalCode.INVALID_REQUEST);
        assertThat(refused.getLeft().message()).isEqualTo("not a CSR");
        assertThat(events.events()).isEmpty();

        var created = service.createCertificateFromCsr(ALICE, "good", false).get();
        assertThat(created.certificate().status()).isEqualTo(CertificateStatus.INACTIVE);
        assertThat(created.certificate().mode()).isEqualTo(CertificateMode.DEFAULT);
    }

    @Test
    void an_account_at_its_quota_is_refused_before_the_ca_makes_a_key_pair() {
        var service = service(new AccountQuota(1, AccountQuota.UNLIMITED));
        service.createKeysAndCertificate(ALICE, false).get();

        var refused = service.createKeysAndCertificate(ALICE, false);

        assertThat(refused.getLeft().code()).isEqualTo(RefusalCode.LIMIT_EXCEEDED);
        assertThat(keyPairs).hasValue(1);
        assertThat(events.events()).hasSize(1);
    }
}
