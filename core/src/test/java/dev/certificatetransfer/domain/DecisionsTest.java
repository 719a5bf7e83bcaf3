package dev.certificatetransfer.domain;

import static dev.certificatetransfer.testing.Accounts.ALICE;
import static dev.certificatetransfer.testing.Accounts.BOB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.certificatetransfer.domain.CertificateEvent.CertificateRegistered;
import dev.certificatetransfer.testing.TestCertificates;
import io.vavr.Lazy;
import io.vavr.control.Option;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The pure decisions on states the service cannot reach through its own operations, and the state's shape checks. */
class DecisionsTest {

    private static final Instant AT = Instant.parse("2026-03-01T12:00:00Z");

    private static Certificate registered(CertificateStatus status) {
        var parsed = TestCertificates.parsed(0);
        return CertificateEvolution.evolve(Option.none(), new CertificateRegistered(parsed.id(), ALICE, parsed.pem(),
                parsed.validity(), CertificateMode.SNI_ONLY, status, AT)).get();
    }

    @Test
    void a_certificate_pending_activation_cannot_be_transferred() {
        var pendingActivation = registered(CertificateStatus.PENDING_ACTIVATION);
        var decided = TransferDecisions.transfer(Option.some(pendingActivation), pendingActivation.id(), ALICE, BOB,
                Option.none(), Lazy.of(() -> Attachments.NONE), AT);
        assertThat(decided.getLeft()).isInstanceOf(Rejection.InvalidState.class);
    }

    @Test
    void attachments_are_not_asked_for_when_an_earlier_check_refuses() {
        var active = registered(CertificateStatus.ACTIVE);
        var decided = TransferDecisions.transfer(Option.some(active), active.id(), ALICE, BOB, Option.none(),
                Lazy.of(() -> {
                    throw new AssertionError("attachments must not be queried");
                }), AT);
        assertThat(decided.getLeft().code()).isEqualTo(RejectionCode.CERTIFICATE_STATE);
    }

    @Test
    void a_pending_status_without_a_pending_transfer_is_not_a_certificate() {
        var c = registered(CertificateStatus.INACTIVE);
        assertThatThrownBy(() -> Certificate.reconstitute(c.id(), c.pem(), c.validity(), c.mode(), c.owner(),
                c.previousOwner(), CertificateStatus.PENDING_TRANSFER, Option.none(), c.creationDate(),
                c.lastModifiedDate(), 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void an_accepted_transfer_whose_target_is_not_the_owner_is_not_a_certificate() {
        var c = registered(CertificateStatus.INACTIVE);
        var accepted = new Transfer.Pending(ALICE, BOB, Option.none(), AT).accept(AT);
        assertThatThrownBy(() -> Certificate.reconstitute(c.id(), c.pem(), c.validity(), c.mode(), ALICE,
                Option.none(), CertificateStatus.INACTIVE, Option.some(accepted), c.creationDate(),
                c.lastModifiedDate(), 2, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void an_event_for_another_certificate_does_not_apply() {
        var c = registered(CertificateStatus.INACTIVE);
        var other = new CertificateEvent.CertificateStatusChanged(TestCertificates.id(1), ALICE,
                CertificateStatus.INACTIVE, CertificateStatus.ACTIVE, AT);
        assertThatThrownBy(() -> CertificateEvolution.evolve(Option.some(c), other))
                .isInstanceOf(IllegalStateException.class);
    }
}
