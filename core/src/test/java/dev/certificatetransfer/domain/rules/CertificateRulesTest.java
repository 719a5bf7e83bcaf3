package dev.certificatetransfer.domain.rules;

import static dev.certificatetransfer.testing.Accounts.ALICE;
import static dev.certificatetransfer.testing.Accounts.BOB;
import static dev.certificatetransfer.testing.Accounts.CAROL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.certificatetransfer.domain.AccountQuota;
import dev.certificatetransfer.domain.AccountUsage;
import dev.certificatetransfer.domain.Attachments;
import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.domain.CertificateEvent.CertificateRegistered;
import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.domain.CertificateMode;
import dev.certificatetransfer.domain.CertificateStatus;
import dev.certificatetransfer.domain.Refusal;
import dev.certificatetransfer.domain.RefusalCode;
import dev.certificatetransfer.testing.Accounts;
import dev.certificatetransfer.testing.TestCertificates;
import io.vavr.Lazy;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;

/**
 * A certificate's own decisions and state changes as pure functions, without the service: register, describe,
 * update and delete (docs/behaviour.md, section 4).
 */
class CertificateRulesTest {

    private static final Instant AT = Instant.parse("2026-03-01T12:00:00Z");
    private static final Instant LATER = AT.plusSeconds(60);
    private static final CertificateId ID = TestCertificates.id(0);

    private static Certificate registered(CertificateStatus status) {
        return CertificateRules.registered(
                Option.none(),
                CertificateRules.register(
                                Option.none(),
                                1,
                                TestCertificates.parsed(0),
                                Accounts.principal(ALICE),
                                CertificateMode.SNI_ONLY,
                                status,
                                RulesFixtures.UNLIMITED,
                                RulesFixtures.neverAsked(),
                                AT)
                        .get());
    }

    private static Either<Refusal, ?> delete(Certificate c, boolean force, Attachments attachments) {
        return CertificateRules.delete(
                Option.some(c), ID, Accounts.principal(ALICE), force, Lazy.of(() -> attachments), LATER);
    }

    @Nested
    class Register {

        @Test
        void the_caller_owns_the_new_certificate_at_customer_version_1_in_sni_only_mode() {
            var c = registered(CertificateStatus.INACTIVE);

            assertThat(c.owner()).isEqualTo(ALICE);
            assertThat(c.customerVersion()).isEqualTo(1);
            assertThat(c.mode()).isEqualTo(CertificateMode.SNI_ONLY);
            assertThat(c.creationDate()).isEqualTo(AT).isEqualTo(c.lastModifiedDate());
        }

        @Test
        void a_registered_id_is_refused_and_a_new_registration_continues_after_a_deletion() {
            var existing = registered(CertificateStatus.INACTIVE);
            assertThat(CertificateRules.register(
                                    Option.some(existing),
                                    2,
                                    TestCertificates.parsed(0),
                                    Accounts.principal(BOB),
                                    CertificateMode.SNI_ONLY,
                                    CertificateStatus.INACTIVE,
                                    RulesFixtures.UNLIMITED,
                                    RulesFixtures.neverAsked(),
                                    LATER)
                            .getLeft()
                            .code())
                    .isEqualTo(RefusalCode.ALREADY_EXISTS);

            CertificateRegistered again = CertificateRules.register(
                            Option.none(),
                            5,
                            TestCertificates.parsed(0),
                            Accounts.principal(BOB),
                            CertificateMode.SNI_ONLY,
                            CertificateStatus.INACTIVE,
                            RulesFixtures.UNLIMITED,
                            RulesFixtures.neverAsked(),
                            LATER)
                    .get();
            assertThat(again.version()).isEqualTo(5);
        }

        @Test
        void pending_statuses_cannot_be_requested() {
            assertThat(CertificateRules.requestable(CertificateStatus.PENDING_TRANSFER)
                            .getLeft()
                            .code())
                    .isEqualTo(RefusalCode.INVALID_REQUEST);
            assertThat(CertificateRules.requestable(CertificateStatus.PENDING_ACTIVATION)
                            .getLeft()
                            .code())
                    .isEqualTo(RefusalCode.INVALID_REQUEST);
            assertThatThrownBy(() -> CertificateRules.register(
                            Option.none(),
                            1,
                            TestCertificates.parsed(0),
                            Accounts.principal(ALICE),
                            CertificateMode.SNI_ONLY,
                            CertificateStatus.PENDING_TRANSFER,
                            RulesFixtures.UNLIMITED,
                            RulesFixtures.neverAsked(),
                            AT))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    /** The quota rule of docs/behaviour.md#15-account-quotas, the last check of a registration. */
    @Nested
    class Quota {

        private final long pemLength = TestCertificates.parsed(0).pem().value().length();

        private Either<Refusal, CertificateRegistered> register(
                Option<Certificate> current, AccountQuota quota, AccountUsage owned) {
            return CertificateRules.register(
                    current,
                    1,
                    TestCertificates.parsed(0),
                    Accounts.principal(ALICE),
                    CertificateMode.SNI_ONLY,
                    CertificateStatus.INACTIVE,
                    quota,
                    Lazy.of(() -> owned),
                    AT);
        }

        @Test
        void an_account_may_own_up_to_its_limit_of_certificates_and_not_one_more() {
            var three = new AccountQuota(3, AccountQuota.UNLIMITED);

            assertThat(register(Option.none(), three, new AccountUsage(2, 2 * pemLength))
                            .isRight())
                    .isTrue();
            assertThat(register(Option.none(), three, new AccountUsage(3, 3 * pemLength))
                            .getLeft()
                            .code())
                    .isEqualTo(RefusalCode.LIMIT_EXCEEDED);
        }

        @Test
        void the_new_pem_may_fill_the_byte_limit_exactly_and_not_one_byte_more() {
            var bytes = new AccountQuota(AccountQuota.UNLIMITED, 1_000 + pemLength);

            assertThat(register(Option.none(), bytes, new AccountUsage(1, 1_000))
                            .isRight())
                    .isTrue();
            assertThat(register(Option.none(), bytes, new AccountUsage(1, 1_001))
                            .getLeft()
                            .code())
                    .isEqualTo(RefusalCode.LIMIT_EXCEEDED);
        }

        @Test
        void a_registered_id_is_answered_first_and_an_unlimited_quota_never_counts() {
            var full = new AccountQuota(1, 1);
            assertThat(register(Option.some(registered(CertificateStatus.INACTIVE)), full, new AccountUsage(9, 9))
                            .getLeft()
                            .code())
                    .isEqualTo(RefusalCode.ALREADY_EXISTS);
            assertThat(CertificateRules.register(
                                    Option.none(),
                                    1,
                                    TestCertificates.parsed(0),
                                    Accounts.principal(ALICE),
                                    CertificateMode.SNI_ONLY,
                                    CertificateStatus.INACTIVE,
                                    AccountQuota.unlimited(),
                                    RulesFixtures.neverAsked(),
                                    AT)
                            .isRight())
                    .isTrue();
        }
    }

    @Nested
    class DescribeAndUpdate {

        @Test
        void only_the_owner_sees_an_untransferred_certificate() {
            var c = Option.some(registered(CertificateStatus.INACTIVE));

            assertThat(CertificateRules.describe(c, ID, ALICE).get()).isEqualTo(c.get());
            assertThat(CertificateRules.describe(c, ID, BOB).getLeft().code()).isEqualTo(RefusalCode.NOT_FOUND);
        }

        @Test
        void the_owner_changes_the_status_and_asking_for_the_current_one_changes_nothing() {
            var c = registered(CertificateStatus.INACTIVE);
            var event = CertificateRules.update(
                            Option.some(c), ID, Accounts.principal(ALICE), CertificateStatus.ACTIVE, LATER)
                    .get()
                    .get();

            assertThat(CertificateRules.statusChanged(c, event).status()).isEqualTo(CertificateStatus.ACTIVE);
            assertThat(CertificateRules.update(
                                    Option.some(c), ID, Accounts.principal(ALICE), CertificateStatus.INACTIVE, LATER)
                            .get())
                    .isEmpty();
        }

        @Test
        void revocation_is_final() {
            var revoked = Option.some(registered(CertificateStatus.REVOKED));

            assertThat(CertificateRules.update(
                                    revoked, ID, Accounts.principal(ALICE), CertificateStatus.INACTIVE, LATER)
                            .getLeft()
                            .code())
                    .isEqualTo(RefusalCode.CERTIFICATE_STATE);
            assertThat(CertificateRules.update(revoked, ID, Accounts.principal(ALICE), CertificateStatus.REVOKED, LATER)
                            .get())
                    .isEmpty();
        }

        @Test
        void a_stranger_is_not_found_before_any_state_rule() {
            var revoked = Option.some(registered(CertificateStatus.REVOKED));

            assertThat(CertificateRules.update(revoked, ID, Accounts.principal(CAROL), CertificateStatus.ACTIVE, LATER)
                            .getLeft()
                            .code())
                    .isEqualTo(RefusalCode.NOT_FOUND);
        }
    }

    @Nested
    class Delete {

        @Test
        void an_inactive_certificate_is_deleted_and_nothing_is_left() {
            var c = registered(CertificateStatus.INACTIVE);
            var event = CertificateRules.delete(
                            Option.some(c),
                            ID,
                            Accounts.principal(ALICE),
                            false,
                            Lazy.of(() -> Attachments.NONE),
                            LATER)
                    .get();

            assertThat(CertificateRules.deleted(c, event)).isEmpty();
        }

        @Test
        void an_active_certificate_is_refused_with_aws_wording_before_attachments_are_asked() {
            var refused = CertificateRules.delete(
                    Option.some(registered(CertificateStatus.ACTIVE)),
                    ID,
                    Accounts.principal(ALICE),
                    true,
                    Lazy.of(() -> {
                        throw new AssertionError("attachments must not be queried");
                    }),
                    LATER);

            assertThat(refused.getLeft().code()).isEqualTo(RefusalCode.CERTIFICATE_STATE);
            assertThat(refused.getLeft().message())
                    .isEqualTo("Certificate must be deactivated (not ACTIVE) before deletion. Id: " + ID);
        }

        @Test
        void a_thing_blocks_even_a_forced_delete_and_a_policy_only_an_unforced_one() {
            var c = registered(CertificateStatus.INACTIVE);

            assertThat(delete(c, true, new Attachments(0, 1)).getLeft().code()).isEqualTo(RefusalCode.DELETE_CONFLICT);
            assertThat(delete(c, false, new Attachments(1, 0)).getLeft().code()).isEqualTo(RefusalCode.DELETE_CONFLICT);
            assertThat(delete(c, true, new Attachments(1, 0)).isRight()).isTrue();
        }
    }
}
