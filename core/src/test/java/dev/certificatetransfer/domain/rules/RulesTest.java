package dev.certificatetransfer.domain.rules;

import static dev.certificatetransfer.testing.Accounts.ALICE;
import static dev.certificatetransfer.testing.Accounts.BOB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.certificatetransfer.domain.Attachments;
import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.domain.CertificateEvent;
import dev.certificatetransfer.domain.CertificateStatus;
import dev.certificatetransfer.domain.Refusal;
import dev.certificatetransfer.domain.RefusalCode;
import dev.certificatetransfer.domain.Transfer;
import dev.certificatetransfer.spi.CertificateReconstitution;
import dev.certificatetransfer.testing.Accounts;
import dev.certificatetransfer.testing.TestCertificates;
import io.vavr.Lazy;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.time.Instant;

/** The pure decisions on states the service cannot reach through its own operations, and the state's shape checks. */
class RulesTest {

    private static final Instant AT = Instant.parse("2026-03-01T12:00:00Z");

    private static Certificate registered(CertificateStatus status) {
        return RulesFixtures.registered(status, AT);
    }

    @Test
    void a_certificate_pending_activation_cannot_be_transferred() {
        var pendingActivation = registered(CertificateStatus.PENDING_ACTIVATION);
        var decided = TransferRules.transfer(
                Option.some(pendingActivation),
                pendingActivation.id(),
                Accounts.principal(ALICE),
                BOB,
                Option.none(),
                Lazy.of(() -> Attachments.NONE),
                Lazy.of(() -> true),
                AT);
        assertThat(decided.getLeft()).isInstanceOf(Refusal.CertificateState.class);
    }

    @Test
    void attachments_are_not_asked_for_when_an_earlier_check_refuses() {
        var active = registered(CertificateStatus.ACTIVE);
        var decided = TransferRules.transfer(
                Option.some(active),
                active.id(),
                Accounts.principal(ALICE),
                BOB,
                Option.none(),
                Lazy.of(() -> {
                    throw new AssertionError("attachments must not be queried");
                }),
                Lazy.of(() -> {
                    throw new AssertionError("the transfer rule must not be asked");
                }),
                AT);
        assertThat(decided.getLeft().code()).isEqualTo(RefusalCode.CERTIFICATE_STATE);
    }

    @Test
    void a_pending_status_without_a_pending_transfer_is_not_a_certificate() {
        var c = registered(CertificateStatus.INACTIVE);
        assertThatThrownBy(() ->
                        rebuilt(c).status(CertificateStatus.PENDING_TRANSFER).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void an_accepted_transfer_whose_target_is_not_the_owner_is_not_a_certificate() {
        var c = registered(CertificateStatus.INACTIVE);
        var accepted = new Transfer.Pending(ALICE, BOB, Option.none(), AT).accept(AT);
        assertThatThrownBy(() -> rebuilt(c)
                        .owner(ALICE)
                        .lastTransfer(Option.some(accepted))
                        .build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_stored_certificate_rebuilds_field_by_field() {
        var c = registered(CertificateStatus.INACTIVE);
        assertThat(rebuilt(c).build()).isEqualTo(c);
    }

    @Test
    void a_reconstitution_missing_a_field_or_with_swapped_dates_or_versions_fails() {
        var c = registered(CertificateStatus.INACTIVE);
        assertThatThrownBy(() -> rebuilt(c).owner(null).build()).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() ->
                        rebuilt(c).creationDate(c.creationDate().plusSeconds(1)).build())
                .as("lastModifiedDate before creationDate")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> rebuilt(c).customerVersion(3).version(2).build())
                .as("customerVersion above version")
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static CertificateReconstitution rebuilt(Certificate c) {
        return new CertificateReconstitution()
                .id(c.id())
                .pem(c.pem())
                .validity(c.validity())
                .mode(c.mode())
                .owner(c.owner())
                .previousOwner(c.previousOwner())
                .status(c.status())
                .lastTransfer(c.lastTransfer())
                .creationDate(c.creationDate())
                .lastModifiedDate(c.lastModifiedDate())
                .customerVersion(c.customerVersion())
                .version(c.version());
    }

    @Test
    void an_event_for_another_certificate_does_not_apply() {
        var c = registered(CertificateStatus.INACTIVE);
        var other = new CertificateEvent.CertificateStatusChanged(
                TestCertificates.id(1),
                Accounts.principal(ALICE),
                CertificateStatus.INACTIVE,
                CertificateStatus.ACTIVE,
                AT,
                2);
        assertThatThrownBy(() -> CertificateEvolution.evolve(Option.some(c), other))
                .isInstanceOf(IllegalStateException.class);
    }
}
