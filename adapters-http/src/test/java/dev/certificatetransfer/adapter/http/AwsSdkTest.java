package dev.certificatetransfer.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.certificatetransfer.domain.AccountQuota;
import dev.certificatetransfer.domain.Attachments;
import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.port.in.CertificateTransferUseCases;
import dev.certificatetransfer.testing.Accounts;
import dev.certificatetransfer.testing.TestCertificates;
import dev.certificatetransfer.testing.TickingClock;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.CertificateStateException;
import software.amazon.awssdk.services.iot.model.CertificateStatus;
import software.amazon.awssdk.services.iot.model.CertificateValidationException;
import software.amazon.awssdk.services.iot.model.DeleteConflictException;
import software.amazon.awssdk.services.iot.model.InternalFailureException;
import software.amazon.awssdk.services.iot.model.InvalidRequestException;
import software.amazon.awssdk.services.iot.model.IotException;
import software.amazon.awssdk.services.iot.model.LimitExceededException;
import software.amazon.awssdk.services.iot.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.iot.model.ResourceNotFoundException;
import software.amazon.awssdk.services.iot.model.ThrottlingException;
import software.amazon.awssdk.services.iot.model.TransferAlreadyCompletedException;
import software.amazon.awssdk.services.iot.model.TransferConflictException;
import software.amazon.awssdk.services.iot.model.UnauthorizedException;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

/** The real AWS SDK for Java v2 IotClient drives every operation and every error of docs/behaviour.md over a socket. */
class AwsSdkTest {

    private final HttpFixture fixture = new HttpFixture(new TickingClock());
    private CertificateTransferServer server;
    private IotClient alice;
    private IotClient bob;
    private IotClient carol;

    @BeforeEach
    void start() {
        server = start(fixture.service, Throttle.off());
        alice = SdkClients.client(server.port(), TestCredentials.ALICE_KEY);
        bob = SdkClients.client(server.port(), TestCredentials.BOB_KEY);
        carol = SdkClients.client(server.port(), TestCredentials.CAROL_KEY);
    }

    @AfterEach
    void stop() {
        List.of(alice, bob, carol).forEach(IotClient::close);
        server.close();
    }

    private static CertificateTransferServer start(CertificateTransferUseCases service, Throttle throttle) {
        return start(service, throttle, java.time.Clock.systemUTC());
    }

    /** A server verifying Signature Version 4 against the test accounts' keys, by the given clock. */
    private static CertificateTransferServer start(
            CertificateTransferUseCases service, Throttle throttle, java.time.Clock clock) {
        return CertificateTransferServer.builder()
                .api(CertificateTransferHttpApi.builder()
                        .service(service)
                        .dialect(Dialect.AWS)
                        .credentials(new TestCredentials())
                        .clock(clock)
                        .throttle(throttle)
                        .build())
                .port(0)
                .build()
                .start();
    }

    private String register(IotClient client, int index) {
        return client.registerCertificateWithoutCA(r -> r.certificatePem(TestCertificates.pem(index)))
                .certificateId();
    }

    private String pendingFromAliceToBob(int index) {
        var id = register(alice, index);
        alice.transferCertificate(
                r -> r.certificateId(id).targetAwsAccount(Accounts.BOB.value()).transferMessage("for Bob"));
        return id;
    }

    private Certificate stored(String id) {
        return fixture.repository
                .find(CertificateId.parse(id).get())
                .certificate()
                .get();
    }

    private static <E extends IotException> E refused(ThrowingCallable call, Class<E> type, int status) {
        E error = catchThrowableOfType(type, call);
        assertThat(error).as("expected %s", type.getSimpleName()).isNotNull();
        assertThat(error.statusCode()).isEqualTo(status);
        assertThat(error.requestId()).isNotBlank();
        assertThat(error.awsErrorDetails().errorMessage()).isNotBlank();
        return error;
    }

    @Nested
    class Flows {

        @Test
        void register_transfer_and_cancel_leave_the_certificate_inactive_with_its_source() {
            var registered = alice.registerCertificateWithoutCA(r -> r.certificatePem(TestCertificates.pem(0)));
            var id = registered.certificateId();
            assertThat(id).isEqualTo(TestCertificates.id(0).value());
            assertThat(registered.certificateArn()).isEqualTo("arn:aws:iot:us-east-1:111111111111:cert/" + id);

            var transferred = alice.transferCertificate(
                    r -> r.certificateId(id).targetAwsAccount("222222222222").transferMessage("hello world é"));
            assertThat(transferred.transferredCertificateArn())
                    .isEqualTo("arn:aws:iot:us-east-1:222222222222:cert/" + id);
            assertThat(bob.describeCertificate(r -> r.certificateId(id))
                            .certificateDescription()
                            .status())
                    .isEqualTo(CertificateStatus.PENDING_TRANSFER);

            alice.cancelCertificateTransfer(r -> r.certificateId(id));

            var description =
                    alice.describeCertificate(r -> r.certificateId(id)).certificateDescription();
            assertThat(description.status()).isEqualTo(CertificateStatus.INACTIVE);
            assertThat(description.ownedBy()).isEqualTo("111111111111");
            assertThat(description.transferData().transferMessage()).isEqualTo("hello world é");
            assertThat(description.transferData().transferDate()).isNotNull();
            refused(() -> bob.describeCertificate(r -> r.certificateId(id)), ResourceNotFoundException.class, 404);
        }

        @Test
        void accept_with_set_as_active_hands_the_certificate_over_active() {
            var id = pendingFromAliceToBob(0);

            bob.acceptCertificateTransfer(r -> r.certificateId(id).setAsActive(true));

            var description = bob.describeCertificate(r -> r.certificateId(id)).certificateDescription();
            assertThat(description.status()).isEqualTo(CertificateStatus.ACTIVE);
            assertThat(description.ownedBy()).isEqualTo("222222222222");
            assertThat(description.previousOwnedBy()).isEqualTo("111111111111");
            assertThat(description.certificateArn()).isEqualTo("arn:aws:iot:us-east-1:222222222222:cert/" + id);
            assertThat(description.transferData().acceptDate())
                    .isEqualTo(stored(id).lastModifiedDate());
        }

        @Test
        void reject_keeps_the_reason_and_the_certificate_with_its_source() {
            var id = pendingFromAliceToBob(0);

            bob.rejectCertificateTransfer(r -> r.certificateId(id).rejectReason("not mine"));

            var description =
                    alice.describeCertificate(r -> r.certificateId(id)).certificateDescription();
            assertThat(description.status()).isEqualTo(CertificateStatus.INACTIVE);
            assertThat(description.transferData().rejectReason()).isEqualTo("not mine");
            assertThat(description.transferData().rejectDate()).isNotNull();
        }

        @Test
        void update_and_delete_change_and_remove_the_certificate() {
            var id = register(alice, 0);

            alice.updateCertificate(r -> r.certificateId(id).newStatus(CertificateStatus.ACTIVE));
            assertThat(alice.describeCertificate(r -> r.certificateId(id))
                            .certificateDescription()
                            .status())
                    .isEqualTo(CertificateStatus.ACTIVE);
            alice.updateCertificate(r -> r.certificateId(id).newStatus(CertificateStatus.REVOKED));
            alice.deleteCertificate(r -> r.certificateId(id).forceDelete(true));

            refused(() -> alice.describeCertificate(r -> r.certificateId(id)), ResourceNotFoundException.class, 404);
        }

        @Test
        void register_with_status_active_registers_it_active() {
            var id = alice.registerCertificateWithoutCA(
                            r -> r.certificatePem(TestCertificates.pem(0)).status(CertificateStatus.ACTIVE))
                    .certificateId();

            assertThat(stored(id).status()).isEqualTo(dev.certificatetransfer.domain.CertificateStatus.ACTIVE);
        }

        @Test
        void the_description_carries_every_member_and_its_timestamps_parse_to_the_millisecond() {
            var id = pendingFromAliceToBob(0);

            var description =
                    alice.describeCertificate(r -> r.certificateId(id)).certificateDescription();

            var certificate = stored(id);
            assertThat(description.certificateId()).isEqualTo(id);
            assertThat(description.certificatePem()).isEqualTo(certificate.pem().value());
            assertThat(description.creationDate()).isEqualTo(certificate.creationDate());
            assertThat(description.lastModifiedDate()).isEqualTo(certificate.lastModifiedDate());
            assertThat(description.customerVersion()).isEqualTo(2);
            assertThat(description.transferData().transferDate()).isEqualTo(certificate.lastModifiedDate());
            assertThat(description.transferData().transferMessage()).isEqualTo("for Bob");
            assertThat(description.validity().notBefore())
                    .isEqualTo(certificate.validity().notBefore());
            assertThat(description.validity().notAfter())
                    .isEqualTo(certificate.validity().notAfter());
            assertThat(description.certificateModeAsString()).isEqualTo("SNI_ONLY");
            assertThat(description.previousOwnedBy()).isNull();
        }

        @Test
        void the_outgoing_listing_shows_the_pending_transfer() {
            var id = pendingFromAliceToBob(0);

            var outgoing = alice.listOutgoingCertificates(r -> r.pageSize(10)).outgoingCertificates();

            assertThat(outgoing).singleElement().satisfies(o -> {
                assertThat(o.certificateId()).isEqualTo(id);
                assertThat(o.transferredTo()).isEqualTo("222222222222");
                assertThat(o.transferMessage()).isEqualTo("for Bob");
                assertThat(o.transferDate()).isEqualTo(stored(id).lastModifiedDate());
                assertThat(o.creationDate()).isEqualTo(stored(id).creationDate());
            });
            assertThat(bob.listCertificates(r -> {}).certificates())
                    .extracting(c -> c.certificateId())
                    .containsExactly(id);
        }
    }

    @Nested
    class CancelCertificateTransfer {

        @Test
        void target_cannot_cancel_a_pending_transfer() {
            var id = pendingFromAliceToBob(0);

            refused(() -> bob.cancelCertificateTransfer(r -> r.certificateId(id)), UnauthorizedException.class, 401);
        }

        @Test
        void stranger_does_not_find_the_certificate() {
            var id = pendingFromAliceToBob(0);

            refused(
                    () -> carol.cancelCertificateTransfer(r -> r.certificateId(id)),
                    ResourceNotFoundException.class,
                    404);
        }

        @Test
        void source_cannot_cancel_after_the_target_accepted() {
            var id = pendingFromAliceToBob(0);
            bob.acceptCertificateTransfer(r -> r.certificateId(id));

            refused(
                    () -> alice.cancelCertificateTransfer(r -> r.certificateId(id)),
                    TransferAlreadyCompletedException.class,
                    410);
        }

        @Test
        void owner_cannot_cancel_a_never_transferred_certificate() {
            var id = register(alice, 0);

            refused(
                    () -> alice.cancelCertificateTransfer(r -> r.certificateId(id)),
                    InvalidRequestException.class,
                    400);
        }
    }

    @Nested
    class ErrorTypes {

        @Test
        void a_malformed_certificate_id_is_an_invalid_request() {
            refused(() -> alice.describeCertificate(r -> r.certificateId("abc")), InvalidRequestException.class, 400);
        }

        @Test
        void an_unparsable_pem_is_a_certificate_validation_error() {
            refused(
                    () -> alice.registerCertificateWithoutCA(r -> r.certificatePem("not a certificate")),
                    CertificateValidationException.class,
                    400);
        }

        @Test
        void registering_twice_names_the_existing_resource() {
            var id = register(alice, 0);

            var error = refused(() -> register(bob, 0), ResourceAlreadyExistsException.class, 409);
            assertThat(error.resourceId()).isEqualTo(id);
        }

        @Test
        void transferring_an_active_certificate_is_a_state_error() {
            var id = alice.registerCertificateWithoutCA(
                            r -> r.certificatePem(TestCertificates.pem(0)).status(CertificateStatus.ACTIVE))
                    .certificateId();

            refused(
                    () -> alice.transferCertificate(r -> r.certificateId(id).targetAwsAccount("222222222222")),
                    CertificateStateException.class,
                    406);
            refused(() -> alice.deleteCertificate(r -> r.certificateId(id)), CertificateStateException.class, 406);
        }

        @Test
        void attached_policies_stop_a_transfer_and_a_delete() {
            var id = register(alice, 0);
            fixture.attachments.put(CertificateId.parse(id).get(), new Attachments(1, 0));

            refused(
                    () -> alice.transferCertificate(r -> r.certificateId(id).targetAwsAccount("222222222222")),
                    TransferConflictException.class,
                    409);
            refused(() -> alice.deleteCertificate(r -> r.certificateId(id)), DeleteConflictException.class, 409);
        }

        @Test
        void an_unknown_status_and_a_missing_target_are_invalid_requests() {
            var id = register(alice, 0);

            refused(
                    () -> alice.updateCertificate(r -> r.certificateId(id).newStatus("SLEEPING")),
                    InvalidRequestException.class,
                    400);
            refused(
                    () -> alice.updateCertificate(
                            r -> r.certificateId(id).newStatus(CertificateStatus.PENDING_TRANSFER)),
                    InvalidRequestException.class,
                    400);
            refused(
                    () -> alice.transferCertificate(r -> r.certificateId(id).targetAwsAccount("12345")),
                    InvalidRequestException.class,
                    400);
            refused(() -> alice.listCertificates(r -> r.pageSize(251)), InvalidRequestException.class, 400);
            refused(
                    () -> alice.listCertificates(r -> r.marker("bm90IGEgbWFya2Vy")),
                    InvalidRequestException.class,
                    400);
        }

        @Test
        void owner_cannot_accept_its_own_pending_transfer() {
            var id = pendingFromAliceToBob(0);

            refused(() -> alice.acceptCertificateTransfer(r -> r.certificateId(id)), UnauthorizedException.class, 401);
            refused(() -> alice.rejectCertificateTransfer(r -> r.certificateId(id)), UnauthorizedException.class, 401);
        }

        @Test
        void an_unknown_access_key_is_refused_with_403() {
            try (var stranger = SdkClients.client(server.port(), "AKIDUNKNOWN000000000")) {
                var error = refused(() -> stranger.listCertificates(r -> {}), IotException.class, 403);
                assertThat(error.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException");
            }
        }

        @Test
        void registering_past_the_account_quota_is_a_limit_exceeded_exception_and_changes_nothing() {
            var limited = new HttpFixture(new TickingClock(), new AccountQuota(1, AccountQuota.UNLIMITED));
            try (var quoted = start(limited.service, Throttle.off());
                    var client = SdkClients.client(quoted.port(), TestCredentials.ALICE_KEY)) {
                register(client, 0);
                var before = limited.snapshot();
                int events = limited.events.events().size();

                var error = refused(() -> register(client, 1), LimitExceededException.class, 410);
                assertThat(error.awsErrorDetails().errorCode()).isEqualTo("LimitExceededException");
                assertThat(limited.snapshot()).isEqualTo(before);
                assertThat(limited.events.events()).hasSize(events);
            }
        }

        @Test
        void a_throttled_account_gets_a_throttling_exception() {
            try (var throttled = start(fixture.service, Throttle.perAccount(1, () -> 0L));
                    var client = SdkClients.client(throttled.port(), TestCredentials.ALICE_KEY)) {
                client.listCertificates(r -> {});

                refused(() -> client.listCertificates(r -> {}), ThrottlingException.class, 400);
            }
        }

        @Test
        void a_failing_service_is_an_internal_failure_and_nothing_else() {
            var failing = (CertificateTransferUseCases) Proxy.newProxyInstance(
                    getClass().getClassLoader(),
                    new Class<?>[] {CertificateTransferUseCases.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("region")) {
                            return dev.certificatetransfer.domain.Region.US_EAST_1;
                        }
                        throw new IllegalStateException("the database is down");
                    });
            try (var broken = start(failing, Throttle.off());
                    var client = SdkClients.client(broken.port(), TestCredentials.ALICE_KEY)) {
                refused(() -> client.listCertificates(r -> {}), InternalFailureException.class, 500);
            }
        }
    }

    private static List<String> reversed(List<String> ids) {
        var copy = new java.util.ArrayList<>(ids);
        java.util.Collections.reverse(copy);
        return copy;
    }

    @Nested
    class Paging {

        @Test
        void the_sdk_paginator_walks_every_certificate_once_across_pages_of_two() {
            var ids = IntStream.range(0, TestCertificates.COUNT)
                    .mapToObj(i -> register(alice, i))
                    .toList();

            var pages =
                    alice.listCertificatesPaginator(r -> r.pageSize(2)).stream().toList();

            assertThat(pages).hasSize(3);
            assertThat(pages.get(2).nextMarker()).isNull();
            var listed = pages.stream()
                    .flatMap(p -> p.certificates().stream())
                    .map(c -> c.certificateId())
                    .toList();
            assertThat(listed).containsExactlyElementsOf(reversed(ids));
            assertThat(alice.listCertificatesPaginator(r -> r.pageSize(4).ascendingOrder(true)).certificates().stream()
                            .map(c -> c.certificateId())
                            .toList())
                    .containsExactlyElementsOf(ids);
        }

        @Test
        void the_sdk_paginator_walks_the_outgoing_listing() {
            var ids = IntStream.range(0, 5)
                    .mapToObj(AwsSdkTest.this::pendingFromAliceToBob)
                    .toList();
            register(alice, 5);

            var listed = alice
                    .listOutgoingCertificatesPaginator(r -> r.pageSize(2).ascendingOrder(true))
                    .outgoingCertificates()
                    .stream()
                    .map(c -> c.certificateId())
                    .toList();

            assertThat(listed).containsExactlyElementsOf(ids);
        }
    }

    @Nested
    class Race {

        @Test
        void of_an_accept_and_a_cancel_racing_exactly_one_wins_and_the_other_gets_410() throws Exception {
            var id = register(alice, 0);
            var clients = new IotClient[] {alice, bob};
            var accounts = List.of(Accounts.ALICE.value(), Accounts.BOB.value());
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                int owner = 0;
                for (int round = 0; round < 20; round++) {
                    int source = owner;
                    int target = 1 - owner;
                    clients[source].transferCertificate(
                            r -> r.certificateId(id).targetAwsAccount(accounts.get(target)));
                    var barrier = new CyclicBarrier(2);
                    Future<Boolean> accepted = pool.submit(() ->
                            wins(barrier, () -> clients[target].acceptCertificateTransfer(r -> r.certificateId(id))));
                    Future<Boolean> cancelled = pool.submit(() ->
                            wins(barrier, () -> clients[source].cancelCertificateTransfer(r -> r.certificateId(id))));

                    assertThat(accepted.get() ^ cancelled.get())
                            .as("exactly one winner in round %d", round)
                            .isTrue();
                    owner = accepted.get() ? target : source;
                    assertThat(stored(id).owner().value()).isEqualTo(accounts.get(owner));
                }
            } finally {
                pool.shutdownNow();
            }
        }

        private boolean wins(CyclicBarrier barrier, Runnable call) throws Exception {
            barrier.await();
            try {
                call.run();
                return true;
            } catch (TransferAlreadyCompletedException lost) {
                assertThat(lost.statusCode()).isEqualTo(410);
                return false;
            }
        }
    }

    /** Signature Version 4, checked on every request the real SDK sends. */
    @Nested
    class Signatures {

        @Test
        void a_signature_made_with_the_wrong_secret_is_an_invalid_signature() {
            try (var forger = SdkClients.client(
                    server.port(),
                    TestCredentials.ALICE_KEY,
                    "not-alices-secret",
                    software.amazon.awssdk.regions.Region.US_EAST_1)) {
                var error = refused(() -> forger.listCertificates(r -> {}), IotException.class, 403);
                assertThat(error.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
                assertThat(error.awsErrorDetails().errorMessage()).doesNotContain(TestCredentials.SECRET);
            }
        }

        @Test
        void a_request_signed_twenty_minutes_ago_has_an_expired_signature() {
            var twentyMinutesAhead =
                    java.time.Clock.offset(java.time.Clock.systemUTC(), java.time.Duration.ofMinutes(20));
            try (var late = start(fixture.service, Throttle.off(), twentyMinutesAhead);
                    var client = SdkClients.client(late.port(), TestCredentials.ALICE_KEY)) {
                var error = refused(() -> client.listCertificates(r -> {}), IotException.class, 403);
                assertThat(error.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
                assertThat(error.awsErrorDetails().errorMessage()).contains("Signature expired");
            }
        }

        @Test
        void a_request_signed_for_another_region_is_refused_and_changes_nothing() {
            var before = fixture.snapshot();
            try (var elsewhere = SdkClients.client(
                    server.port(),
                    TestCredentials.ALICE_KEY,
                    TestCredentials.SECRET,
                    software.amazon.awssdk.regions.Region.EU_WEST_1)) {
                var error = refused(
                        () -> elsewhere.registerCertificateWithoutCA(r -> r.certificatePem(TestCertificates.pem(0))),
                        IotException.class,
                        403);
                assertThat(error.awsErrorDetails().errorCode())
                        .isIn("InvalidSignatureException", "SignatureDoesNotMatch");
            }
            assertThat(fixture.snapshot()).isEqualTo(before);
        }
    }
}
