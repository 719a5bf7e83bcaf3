package dev.certificatetransfer.application;

import static dev.certificatetransfer.domain.RefusalCode.ALREADY_EXISTS;
import static dev.certificatetransfer.domain.RefusalCode.CERTIFICATE_STATE;
import static dev.certificatetransfer.domain.RefusalCode.CERTIFICATE_VALIDATION;
import static dev.certificatetransfer.domain.RefusalCode.DELETE_CONFLICT;
import static dev.certificatetransfer.domain.RefusalCode.INVALID_REQUEST;
import static dev.certificatetransfer.domain.RefusalCode.NOT_FOUND;
import static dev.certificatetransfer.domain.RefusalCode.UNAUTHORIZED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.certificatetransfer.adapter.authorization.AllowAuthenticatedAuthorizer;
import dev.certificatetransfer.adapter.memory.InMemoryCertificateRepository;
import dev.certificatetransfer.domain.Attachments;
import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.domain.CertificateMode;
import dev.certificatetransfer.domain.CertificateStatus;
import dev.certificatetransfer.domain.TransferData;
import dev.certificatetransfer.domain.TransferMessage;
import dev.certificatetransfer.port.in.PageMarker;
import dev.certificatetransfer.port.in.PageRequest;
import dev.certificatetransfer.port.in.PageSize;
import dev.certificatetransfer.port.in.SortOrder;
import dev.certificatetransfer.testing.Accounts;
import dev.certificatetransfer.testing.TestCertificates;
import io.vavr.control.Option;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;

/** Register, describe, update, delete and the listings, row by row from docs/behaviour.md, section 4. */
class CertificateLifecycleTest extends ServiceFixture {

    @Nested
    class RegisterCertificateWithoutCa {

        @Test
        void the_id_is_the_sha256_of_the_der_and_the_caller_owns_it() throws Exception {
            var pem = TestCertificates.pem(0);
            var base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            var expected = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(Base64.getDecoder().decode(base64)));

            var registered = register(ALICE, pem, CertificateStatus.INACTIVE).get();

            assertThat(registered.id().value()).isEqualTo(expected);
            assertThat(registered.owner()).isEqualTo(Accounts.ALICE);
            assertThat(registered.mode()).isEqualTo(CertificateMode.SNI_ONLY);
            assertThat(registered.customerVersion()).isEqualTo(1);
            assertThat(registered.transferData()).isEqualTo(TransferData.NONE);
            assertThat(registered.creationDate()).isEqualTo(registered.lastModifiedDate());
            assertThat(registered.arn(service.region()).value())
                    .isEqualTo("arn:aws:iot:us-east-1:111111111111:cert/" + expected);
            assertThat(events.events().single().type().name()).isEqualTo("CERTIFICATE_REGISTERED");
        }

        @Test
        void an_unparsable_pem_is_a_certificate_validation_refusal() {
            refused(() -> register(ALICE, "not a certificate", CertificateStatus.INACTIVE), CERTIFICATE_VALIDATION);
            var mangled = TestCertificates.pem(0).replace("MII", "AAA");
            refused(() -> register(ALICE, mangled, CertificateStatus.INACTIVE), CERTIFICATE_VALIDATION);
            refused(
                    () -> register(
                            ALICE,
                            "-----BEGIN CERTIFICATE-----\n!!!\n-----END CERTIFICATE-----\n",
                            CertificateStatus.INACTIVE),
                    CERTIFICATE_VALIDATION);
            refused(
                    () -> register(
                            ALICE, TestCertificates.pem(0) + TestCertificates.pem(1), CertificateStatus.INACTIVE),
                    CERTIFICATE_VALIDATION);
        }

        @ParameterizedTest
        @EnumSource(
                value = CertificateStatus.class,
                names = {"PENDING_TRANSFER", "PENDING_ACTIVATION"})
        void a_status_only_the_service_sets_cannot_be_registered(CertificateStatus status) {
            refused(() -> register(ALICE, TestCertificates.pem(0), status), INVALID_REQUEST);
        }

        @Test
        void the_same_certificate_cannot_be_registered_twice() {
            registered(0, ALICE);
            refused(() -> register(ALICE, TestCertificates.pem(0), CertificateStatus.ACTIVE), ALREADY_EXISTS);
            refused(() -> register(BOB, TestCertificates.pem(0), CertificateStatus.ACTIVE), ALREADY_EXISTS);
        }
    }

    @Nested
    class DescribeCertificate {

        @Test
        void the_owner_and_the_pending_target_see_it_and_nobody_else() {
            var id = pendingFromAliceToBob(0);
            assertThat(service.describeCertificate(ALICE, id).get()).isEqualTo(stored(id));
            assertThat(service.describeCertificate(BOB, id).get()).isEqualTo(stored(id));
            refused(() -> service.describeCertificate(CAROL, id), NOT_FOUND);
        }

        @Test
        void after_an_accept_the_old_source_sees_it_no_more() {
            var id = pendingFromAliceToBob(0);
            service.acceptCertificateTransfer(BOB, id, false).get();
            refused(() -> service.describeCertificate(ALICE, id), NOT_FOUND);
        }

        @Test
        void an_unknown_certificate_is_not_found() {
            refused(() -> service.describeCertificate(ALICE, TestCertificates.id(3)), NOT_FOUND);
        }
    }

    @Nested
    class UpdateCertificate {

        @Test
        void the_owner_activates_a_certificate() {
            var id = registered(0, ALICE);
            var updated = service.updateCertificate(ALICE, id, CertificateStatus.ACTIVE)
                    .get();
            assertThat(updated.status()).isEqualTo(CertificateStatus.ACTIVE);
            assertThat(updated.customerVersion()).isEqualTo(2);
            assertThat(events.events().last().type().name()).isEqualTo("CERTIFICATE_STATUS_CHANGED");
        }

        @Test
        void asking_for_the_current_status_changes_nothing() {
            var id = registered(0, ALICE);
            var before = stored(id);
            assertThat(service.updateCertificate(ALICE, id, CertificateStatus.INACTIVE)
                            .get())
                    .isEqualTo(before);
            assertThat(stored(id)).isEqualTo(before);
            assertThat(events.events()).hasSize(1);
        }

        @Test
        void a_certificate_pending_transfer_cannot_be_updated() {
            var id = pendingFromAliceToBob(0);
            refused(() -> service.updateCertificate(ALICE, id, CertificateStatus.ACTIVE), CERTIFICATE_STATE);
        }

        @ParameterizedTest
        @EnumSource(
                value = CertificateStatus.class,
                names = {"PENDING_TRANSFER", "PENDING_ACTIVATION"})
        void nobody_asks_for_a_status_only_the_service_sets(CertificateStatus status) {
            var id = registered(0, ALICE);
            refused(() -> service.updateCertificate(ALICE, id, status), INVALID_REQUEST);
            refused(() -> service.updateCertificate(CAROL, TestCertificates.id(4), status), INVALID_REQUEST);
        }

        @ParameterizedTest
        @EnumSource(
                value = CertificateStatus.class,
                names = {"ACTIVE", "INACTIVE", "REGISTER_INACTIVE"})
        void revocation_is_final(CertificateStatus status) {
            var id = registered(0, ALICE, CertificateStatus.REVOKED);
            refused(() -> service.updateCertificate(ALICE, id, status), CERTIFICATE_STATE);
            assertThat(service.updateCertificate(ALICE, id, CertificateStatus.REVOKED)
                            .isRight())
                    .isTrue();
        }

        @Test
        void only_the_owner_updates_and_strangers_learn_nothing() {
            var id = pendingFromAliceToBob(0);
            refused(() -> service.updateCertificate(BOB, id, CertificateStatus.ACTIVE), UNAUTHORIZED);
            refused(() -> service.updateCertificate(CAROL, id, CertificateStatus.ACTIVE), NOT_FOUND);
        }
    }

    @Nested
    class Timestamps {

        @Test
        void changes_in_one_millisecond_share_it_and_customer_version_tells_them_apart() {
            var frozen = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);
            var service = serviceReading(frozen);
            var registered = service.registerCertificateWithoutCa(
                            ALICE, TestCertificates.parsed(0), CertificateStatus.INACTIVE)
                    .get()
                    .certificate();
            var pending = service.transferCertificate(ALICE, registered.id(), Accounts.BOB, Option.none())
                    .get()
                    .certificate();
            var cancelled =
                    service.cancelCertificateTransfer(ALICE, registered.id()).get();

            assertThat(registered.creationDate()).isEqualTo(frozen.instant());
            assertThat(pending.lastModifiedDate())
                    .as("never ahead of the clock")
                    .isEqualTo(frozen.instant());
            assertThat(cancelled.lastModifiedDate()).isEqualTo(frozen.instant());
            assertThat(cancelled.customerVersion()).isEqualTo(3);
            assertThat(cancelled.transferData().transferDate()).contains(pending.lastModifiedDate());
        }

        @Test
        void a_clock_that_steps_back_never_moves_last_modified_backwards_and_a_fast_one_is_followed() {
            var readings = new java.util.ArrayDeque<>(java.util.List.of(
                    Instant.parse("2026-06-01T00:00:10Z"),
                    Instant.parse("2026-06-01T00:00:05Z"),
                    Instant.parse("2026-06-01T00:00:20Z")));
            var stepping = new Clock() {
                @Override
                public java.time.ZoneId getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(java.time.ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    return readings.size() > 1 ? readings.poll() : readings.peek();
                }
            };
            var service = serviceReading(stepping);
            var id = service.registerCertificateWithoutCa(ALICE, TestCertificates.parsed(0), CertificateStatus.INACTIVE)
                    .get()
                    .certificateId();
            var afterStepBack = service.transferCertificate(ALICE, id, Accounts.BOB, Option.none())
                    .get()
                    .certificate();
            var later = service.cancelCertificateTransfer(ALICE, id).get();

            assertThat(afterStepBack.lastModifiedDate()).isEqualTo(Instant.parse("2026-06-01T00:00:10Z"));
            assertThat(later.lastModifiedDate()).isEqualTo(Instant.parse("2026-06-01T00:00:20Z"));
        }

        @Test
        void times_are_kept_to_the_millisecond() {
            var precise = Clock.fixed(Instant.parse("2026-06-01T00:00:00.123456789Z"), ZoneOffset.UTC);
            var registered = serviceReading(precise)
                    .registerCertificateWithoutCa(ALICE, TestCertificates.parsed(0), CertificateStatus.INACTIVE)
                    .get()
                    .certificate();
            assertThat(registered.creationDate()).isEqualTo(Instant.parse("2026-06-01T00:00:00.123Z"));
        }

        private CertificateTransferService serviceReading(Clock clock) {
            return CertificateTransferService.builder()
                    .repository(new InMemoryCertificateRepository())
                    .authorizer(new AllowAuthenticatedAuthorizer())
                    .clock(clock)
                    .build();
        }
    }

    @Nested
    class DeleteCertificate {

        @Test
        void the_owner_deletes_an_inactive_certificate() {
            var id = registered(0, ALICE);
            assertThat(service.deleteCertificate(ALICE, id, false).get()).isEqualTo(id);
            assertThat(repository.find(id).certificate()).isEmpty();
            assertThat(events.events().last().statusAfter()).isEmpty();
        }

        @Test
        void an_active_certificate_must_be_deactivated_first() {
            var id = registered(0, ALICE, CertificateStatus.ACTIVE);
            var refusal = refused(() -> service.deleteCertificate(ALICE, id, true), CERTIFICATE_STATE);
            assertThat(refusal.message())
                    .isEqualTo("Certificate must be deactivated (not ACTIVE) before deletion. Id: " + id.value());
        }

        @Test
        void a_certificate_pending_transfer_cannot_be_deleted() {
            var id = pendingFromAliceToBob(0);
            refused(() -> service.deleteCertificate(ALICE, id, true), CERTIFICATE_STATE);
        }

        @Test
        void an_attached_thing_blocks_deletion_even_when_forced() {
            var id = registered(0, ALICE);
            attachments.put(id, new Attachments(0, 1));
            refused(() -> service.deleteCertificate(ALICE, id, true), DELETE_CONFLICT);
        }

        @Test
        void an_attached_policy_blocks_deletion_unless_forced() {
            var id = registered(0, ALICE);
            attachments.put(id, new Attachments(2, 0));
            refused(() -> service.deleteCertificate(ALICE, id, false), DELETE_CONFLICT);
            assertThat(service.deleteCertificate(ALICE, id, true).isRight()).isTrue();
        }

        @Test
        void only_the_owner_deletes_and_strangers_learn_nothing() {
            var id = pendingFromAliceToBob(0);
            refused(() -> service.deleteCertificate(BOB, id, false), UNAUTHORIZED);
            refused(() -> service.deleteCertificate(CAROL, id, false), NOT_FOUND);
        }
    }

    @Nested
    class ListCertificates {

        @Test
        void lists_owned_and_incoming_certificates_newest_first_or_ascending() {
            var mine = registered(0, ALICE);
            var incoming = registered(1, CAROL);
            service.transferCertificate(CAROL, incoming, Accounts.ALICE, Option.none())
                    .get();
            registered(2, BOB);

            var newestFirst = service.listCertificates(ALICE, PageRequest.FIRST).get();
            var ascending = service.listCertificates(
                            ALICE, new PageRequest(PageSize.DEFAULT, Option.none(), SortOrder.ASCENDING))
                    .get();

            assertThat(newestFirst.items().map(c -> c.id())).containsExactly(incoming, mine);
            assertThat(ascending.items().map(c -> c.id())).containsExactly(mine, incoming);
            assertThat(newestFirst.nextMarker()).isEmpty();
        }

        @Test
        void pages_follow_markers_to_the_last_page_which_has_none() {
            for (int i = 0; i < 5; i++) {
                registered(i, ALICE);
            }
            var request = new PageRequest(PageSize.parse(2).get(), Option.none(), SortOrder.DESCENDING);
            var seen = new java.util.ArrayList<CertificateId>();
            var markers = new java.util.HashSet<String>();
            var page = service.listCertificates(ALICE, request).get();
            seen.addAll(page.items().map(c -> c.id()).asJava());
            while (page.nextMarker().isDefined()) {
                var marker = PageMarker.parse(page.nextMarker().get().value()).get();
                assertThat(markers.add(marker.value()))
                        .as("markers never repeat")
                        .isTrue();
                page = service.listCertificates(ALICE, request.continueAt(marker))
                        .get();
                seen.addAll(page.items().map(c -> c.id()).asJava());
            }
            assertThat(seen).hasSize(5).doesNotHaveDuplicates();
            assertThat(markers).hasSize(2);
        }

        @ParameterizedTest
        @ValueSource(ints = {0, -1, 251, Integer.MAX_VALUE})
        void a_page_size_outside_1_to_250_is_invalid(int size) {
            assertThat(PageSize.parse(size).getLeft().code()).isEqualTo(INVALID_REQUEST);
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "!!", "a", "MTo", "bm90IGEgbWFya2Vy", "MToxOjI6eHl6", "MTotMTowOmFi"})
        void a_marker_this_service_did_not_issue_is_invalid(String marker) {
            assertThat(PageMarker.parse(marker).getLeft().code()).isEqualTo(INVALID_REQUEST);
        }

        @Test
        void a_marker_over_1024_characters_is_invalid() {
            assertThat(PageMarker.parse("A".repeat(1028)).isLeft()).isTrue();
        }
    }

    @Nested
    class ListOutgoingCertificates {

        @Test
        void lists_the_callers_certificates_pending_transfer_with_their_transfer() {
            var outgoing = pendingFromAliceToBob(0);
            registered(1, ALICE);
            var page =
                    service.listOutgoingCertificates(ALICE, PageRequest.FIRST).get();
            assertThat(page.items()).hasSize(1);
            var certificate = page.items().head();
            assertThat(certificate.id()).isEqualTo(outgoing);
            assertThat(certificate.pendingTarget()).contains(Accounts.BOB);
            assertThat(certificate.transferData().transferMessage()).contains(new TransferMessage("for Bob"));
            assertThat(service.listOutgoingCertificates(BOB, PageRequest.FIRST)
                            .get()
                            .items())
                    .isEmpty();
        }
    }
}
