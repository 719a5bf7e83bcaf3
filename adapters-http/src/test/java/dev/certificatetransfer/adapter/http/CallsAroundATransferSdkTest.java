package dev.certificatetransfer.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.certificatetransfer.adapter.authorization.AllowAuthenticatedAuthorizer;
import dev.certificatetransfer.adapter.memory.InMemoryCertificateRepository;
import dev.certificatetransfer.application.CertificateTransferService;
import dev.certificatetransfer.domain.CertificatePem;
import dev.certificatetransfer.port.in.CertificateTransferUseCases;
import dev.certificatetransfer.testing.Accounts;
import dev.certificatetransfer.testing.RecordingEventPublisher;
import dev.certificatetransfer.testing.TestCertificates;
import dev.certificatetransfer.testing.TickingClock;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.CertificateStatus;
import software.amazon.awssdk.services.iot.model.DeleteConflictException;
import software.amazon.awssdk.services.iot.model.InvalidRequestException;
import software.amazon.awssdk.services.iot.model.IotException;
import software.amazon.awssdk.services.iot.model.LimitExceededException;
import software.amazon.awssdk.services.iot.model.MalformedPolicyException;
import software.amazon.awssdk.services.iot.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.iot.model.ResourceNotFoundException;
import software.amazon.awssdk.services.iot.model.TransferConflictException;
import software.amazon.awssdk.services.iot.model.VersionConflictException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The real AWS SDK for Java v2 IotClient, over a socket, drives the calls around a transfer
 * (docs/behaviour.md#16-certificates-the-deployment-issues, docs/behaviour.md#17-things-policies-and-attachments):
 * every call's answer with AWS's member names, and every refusal each can give, as the SDK's typed exception.
 */
class CallsAroundATransferSdkTest {

    private static final String DOCUMENT =
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"iot:Connect\","
                    + "\"Resource\":\"*\"}]}";

    private final HttpFixture fixture = new HttpFixture(new TickingClock());
    private CertificateTransferServer server;
    private IotClient alice;
    private IotClient bob;

    @BeforeEach
    void start() {
        server = start(fixture.service);
        alice = SdkClients.client(server.port(), TestCredentials.ALICE_KEY);
        bob = SdkClients.client(server.port(), TestCredentials.BOB_KEY);
    }

    @AfterEach
    void stop() {
        List.of(alice, bob).forEach(IotClient::close);
        server.close();
    }

    private static CertificateTransferServer start(CertificateTransferUseCases service) {
        return CertificateTransferServer.builder()
                .api(CertificateTransferHttpApi.builder()
                        .service(service)
                        .dialect(Dialect.AWS)
                        .credentials(new TestCredentials())
                        .build())
                .port(0)
                .build()
                .start();
    }

    private static <E extends IotException> E refused(ThrowingCallable call, Class<E> type, int status) {
        E error = catchThrowableOfType(type, call);
        assertThat(error).as("expected %s", type.getSimpleName()).isNotNull();
        assertThat(error.statusCode()).isEqualTo(status);
        assertThat(error.awsErrorDetails().errorCode()).isEqualTo(type.getSimpleName());
        assertThat(error.requestId()).isNotBlank();
        assertThat(error.awsErrorDetails().errorMessage()).isNotBlank();
        return error;
    }

    /** Alice registers test certificate {@code index} (INACTIVE) and gets its ARN. */
    private String registered(int index) {
        return alice.registerCertificateWithoutCA(r -> r.certificatePem(TestCertificates.pem(index)))
                .certificateArn();
    }

    private static String idOf(String arn) {
        return arn.substring(arn.lastIndexOf('/') + 1);
    }

    private void policy(IotClient client, String name) {
        client.createPolicy(r -> r.policyName(name).policyDocument(DOCUMENT));
    }

    private void thing(IotClient client, String name) {
        client.createThing(r -> r.thingName(name));
    }

    private static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    @Nested
    class Provisioning {

        @Test
        void a_certificate_with_a_policy_and_a_thing_transfers_once_both_are_detached() {
            var created = alice.createKeysAndCertificate(r -> r.setAsActive(false));
            var arn = created.certificateArn();
            var id = created.certificateId();
            thing(alice, "sensor-1");
            policy(alice, "devices");
            alice.attachPolicy(r -> r.policyName("devices").target(arn));
            alice.attachThingPrincipal(r -> r.thingName("sensor-1").principal(arn));

            refused(
                    () -> alice.transferCertificate(r -> r.certificateId(id).targetAwsAccount(Accounts.BOB.value())),
                    TransferConflictException.class,
                    409);

            alice.detachPolicy(r -> r.policyName("devices").target(arn));
            alice.detachThingPrincipal(r -> r.thingName("sensor-1").principal(arn));
            alice.transferCertificate(r -> r.certificateId(id).targetAwsAccount(Accounts.BOB.value()));
            bob.acceptCertificateTransfer(r -> r.certificateId(id).setAsActive(true));

            var description = bob.describeCertificate(r -> r.certificateId(id)).certificateDescription();
            assertThat(description.ownedBy()).isEqualTo(Accounts.BOB.value());
            assertThat(description.status()).isEqualTo(CertificateStatus.ACTIVE);
            var bobsArn = "arn:aws:iot:us-east-1:" + Accounts.BOB.value() + ":cert/" + id;
            assertThat(bob.listAttachedPolicies(r -> r.target(bobsArn)).policies())
                    .isEmpty();
            assertThat(bob.listPrincipalThings(r -> r.principal(bobsArn)).things())
                    .isEmpty();
        }
    }

    @Nested
    class CreateKeysAndCertificate {

        @Test
        void answers_the_certificate_its_id_and_arn_and_the_key_pair() {
            var created = alice.createKeysAndCertificate(r -> r.setAsActive(true));

            var der = Base64.getMimeDecoder()
                    .decode(created.certificatePem()
                            .replace("-----BEGIN CERTIFICATE-----", "")
                            .replace("-----END CERTIFICATE-----", ""));
            assertThat(created.certificateId()).isEqualTo(sha256Hex(der));
            assertThat(created.certificateArn())
                    .isEqualTo("arn:aws:iot:us-east-1:111111111111:cert/" + created.certificateId());
            assertThat(created.keyPair().publicKey()).startsWith("-----BEGIN PUBLIC KEY-----");
            assertThat(created.keyPair().privateKey()).startsWith("-----BEGIN PRIVATE KEY-----");
            var description = alice.describeCertificate(r -> r.certificateId(created.certificateId()))
                    .certificateDescription();
            assertThat(description.status()).isEqualTo(CertificateStatus.ACTIVE);
            assertThat(description.certificateModeAsString()).isEqualTo("DEFAULT");
        }

        @Test
        void without_set_as_active_the_certificate_is_inactive_and_each_call_issues_another() {
            var first = alice.createKeysAndCertificate(r -> {});
            var second = alice.createKeysAndCertificate(r -> {});

            assertThat(first.certificateId()).isNotEqualTo(second.certificateId());
            assertThat(alice.describeCertificate(r -> r.certificateId(first.certificateId()))
                            .certificateDescription()
                            .status())
                    .isEqualTo(CertificateStatus.INACTIVE);
        }

        @Test
        void a_deployment_without_a_ca_answers_an_invalid_request() {
            var withoutCa = CertificateTransferService.builder()
                    .repository(new InMemoryCertificateRepository(new RecordingEventPublisher()))
                    .authorizer(new AllowAuthenticatedAuthorizer())
                    .clock(new TickingClock())
                    .build();
            try (var other = start(withoutCa);
                    var client = SdkClients.client(other.port(), TestCredentials.ALICE_KEY)) {
                refused(() -> client.createKeysAndCertificate(r -> {}), InvalidRequestException.class, 400);
                refused(
                        () -> client.createCertificateFromCsr(r -> r.certificateSigningRequest(TestIssuer.csr())),
                        InvalidRequestException.class,
                        400);
            }
        }
    }

    @Nested
    class CreateCertificateFromCsr {

        @Test
        void answers_the_certificate_its_id_and_arn() {
            var issued = alice.createCertificateFromCsr(
                    r -> r.certificateSigningRequest(TestIssuer.csr()).setAsActive(true));

            assertThat(CertificatePem.parse(issued.certificatePem()).get().id().value())
                    .isEqualTo(issued.certificateId());
            assertThat(issued.certificateArn())
                    .isEqualTo("arn:aws:iot:us-east-1:111111111111:cert/" + issued.certificateId());
            assertThat(alice.describeCertificate(r -> r.certificateId(issued.certificateId()))
                            .certificateDescription()
                            .status())
                    .isEqualTo(CertificateStatus.ACTIVE);
        }

        @Test
        void a_request_the_ca_does_not_sign_and_a_missing_one_are_invalid_requests() {
            refused(
                    () -> alice.createCertificateFromCsr(r -> r.certificateSigningRequest("not a request")),
                    InvalidRequestException.class,
                    400);
            var missing = refused(() -> alice.createCertificateFromCsr(r -> {}), InvalidRequestException.class, 400);
            assertThat(missing.awsErrorDetails().errorMessage()).contains("certificateSigningRequest");
        }
    }

    @Nested
    class Things {

        @Test
        void create_and_describe_answer_the_thing_with_aws_members() {
            var created = alice.createThing(
                    r -> r.thingName("sensor-1").attributePayload(p -> p.attributes(Map.of("serial", "A-1"))));

            assertThat(created.thingName()).isEqualTo("sensor-1");
            assertThat(created.thingArn()).isEqualTo("arn:aws:iot:us-east-1:111111111111:thing/sensor-1");
            assertThat(created.thingId()).isEqualTo("00000000-0000-0000-0000-000000000001");
            var described = alice.describeThing(r -> r.thingName("sensor-1"));
            assertThat(described.defaultClientId()).isEqualTo("sensor-1");
            assertThat(described.thingName()).isEqualTo("sensor-1");
            assertThat(described.thingId()).isEqualTo(created.thingId());
            assertThat(described.thingArn()).isEqualTo(created.thingArn());
            assertThat(described.attributes()).isEqualTo(Map.of("serial", "A-1"));
            assertThat(described.version()).isEqualTo(1L);
        }

        @Test
        void creating_it_again_with_the_same_attributes_answers_the_same_thing_and_with_others_is_refused() {
            var first = alice.createThing(r -> r.thingName("sensor-1"));

            assertThat(alice.createThing(r -> r.thingName("sensor-1")).thingId())
                    .isEqualTo(first.thingId());
            var error = refused(
                    () -> alice.createThing(
                            r -> r.thingName("sensor-1").attributePayload(p -> p.attributes(Map.of("a", "b")))),
                    ResourceAlreadyExistsException.class,
                    409);
            assertThat(error.resourceId()).isEqualTo("sensor-1");
        }

        @Test
        void a_bad_name_attribute_or_thing_type_is_an_invalid_request() {
            refused(() -> alice.createThing(r -> r.thingName("no spaces")), InvalidRequestException.class, 400);
            refused(
                    () -> alice.createThing(
                            r -> r.thingName("sensor-1").attributePayload(p -> p.attributes(Map.of("a", "b c")))),
                    InvalidRequestException.class,
                    400);
            refused(
                    () -> alice.createThing(r -> r.thingName("sensor-1").thingTypeName("camera")),
                    InvalidRequestException.class,
                    400);
            refused(() -> alice.describeThing(r -> r.thingName("sensor-1")), ResourceNotFoundException.class, 404);
        }

        @Test
        void another_accounts_thing_is_not_found() {
            thing(alice, "sensor-1");

            refused(() -> bob.describeThing(r -> r.thingName("sensor-1")), ResourceNotFoundException.class, 404);
            refused(() -> bob.deleteThing(r -> r.thingName("sensor-1")), ResourceNotFoundException.class, 404);
        }

        @Test
        void delete_removes_it_at_its_version_and_refuses_another_version() {
            thing(alice, "sensor-1");

            refused(
                    () -> alice.deleteThing(r -> r.thingName("sensor-1").expectedVersion(2L)),
                    VersionConflictException.class,
                    409);
            alice.deleteThing(r -> r.thingName("sensor-1").expectedVersion(1L));

            refused(() -> alice.describeThing(r -> r.thingName("sensor-1")), ResourceNotFoundException.class, 404);
            refused(() -> alice.deleteThing(r -> r.thingName("sensor-1")), ResourceNotFoundException.class, 404);
        }

        @Test
        void a_thing_with_a_certificate_attached_is_not_deleted() {
            var arn = registered(0);
            thing(alice, "sensor-1");
            alice.attachThingPrincipal(r -> r.thingName("sensor-1").principal(arn));

            refused(() -> alice.deleteThing(r -> r.thingName("sensor-1")), InvalidRequestException.class, 400);
            assertThat(alice.describeThing(r -> r.thingName("sensor-1")).thingName())
                    .isEqualTo("sensor-1");
        }
    }

    @Nested
    class Policies {

        @Test
        void create_and_get_answer_the_policy_with_aws_members() {
            var created = alice.createPolicy(r -> r.policyName("devices").policyDocument(DOCUMENT));

            assertThat(created.policyName()).isEqualTo("devices");
            assertThat(created.policyArn()).isEqualTo("arn:aws:iot:us-east-1:111111111111:policy/devices");
            assertThat(created.policyDocument()).isEqualTo(DOCUMENT);
            assertThat(created.policyVersionId()).isEqualTo("1");
            var got = alice.getPolicy(r -> r.policyName("devices"));
            assertThat(got.policyName()).isEqualTo("devices");
            assertThat(got.policyArn()).isEqualTo(created.policyArn());
            assertThat(got.policyDocument()).isEqualTo(DOCUMENT);
            assertThat(got.defaultVersionId()).isEqualTo("1");
            assertThat(got.creationDate()).isNotNull().isEqualTo(got.lastModifiedDate());
            assertThat(got.generationId()).isEqualTo(sha256Hex(DOCUMENT.getBytes(StandardCharsets.UTF_8)));
        }

        @Test
        void a_name_taken_is_refused_and_another_accounts_policy_is_not_found() {
            policy(alice, "devices");

            var error = refused(() -> policy(alice, "devices"), ResourceAlreadyExistsException.class, 409);
            assertThat(error.resourceId()).isEqualTo("devices");
            refused(() -> bob.getPolicy(r -> r.policyName("devices")), ResourceNotFoundException.class, 404);
            refused(() -> bob.deletePolicy(r -> r.policyName("devices")), ResourceNotFoundException.class, 404);
        }

        @Test
        void a_document_that_is_not_a_json_object_or_too_long_is_a_malformed_policy() {
            refused(
                    () -> alice.createPolicy(r -> r.policyName("devices").policyDocument("[\"not an object\"]")),
                    MalformedPolicyException.class,
                    400);
            refused(
                    () -> alice.createPolicy(
                            r -> r.policyName("devices").policyDocument("{\"a\":\"" + "x".repeat(2050) + "\"}")),
                    MalformedPolicyException.class,
                    400);
            refused(
                    () -> alice.createPolicy(r -> r.policyName("no spaces").policyDocument(DOCUMENT)),
                    InvalidRequestException.class,
                    400);
            refused(() -> alice.getPolicy(r -> r.policyName("devices")), ResourceNotFoundException.class, 404);
        }

        @Test
        void delete_removes_it_unless_it_is_attached() {
            var arn = registered(0);
            policy(alice, "devices");
            policy(alice, "spare");
            alice.attachPolicy(r -> r.policyName("devices").target(arn));

            refused(() -> alice.deletePolicy(r -> r.policyName("devices")), DeleteConflictException.class, 409);
            alice.deletePolicy(r -> r.policyName("spare"));

            refused(() -> alice.getPolicy(r -> r.policyName("spare")), ResourceNotFoundException.class, 404);
            assertThat(alice.getPolicy(r -> r.policyName("devices")).policyName())
                    .isEqualTo("devices");
        }
    }

    @Nested
    class AttachPolicy {

        @Test
        void attached_policies_are_listed_by_the_certificates_arn_and_the_policys_targets() {
            var arn = registered(0);
            policy(alice, "devices");
            policy(alice, "admins");

            alice.attachPolicy(r -> r.policyName("devices").target(arn));
            alice.attachPolicy(r -> r.policyName("admins").target(arn));
            alice.attachPolicy(r -> r.policyName("admins").target(arn));

            var attached = alice.listAttachedPolicies(r -> r.target(arn).recursive(true));
            assertThat(attached.policies())
                    .extracting(p -> p.policyName() + " " + p.policyArn())
                    .containsExactly(
                            "admins arn:aws:iot:us-east-1:111111111111:policy/admins",
                            "devices arn:aws:iot:us-east-1:111111111111:policy/devices");
            assertThat(attached.nextMarker()).isNull();
            assertThat(alice.listTargetsForPolicy(r -> r.policyName("devices")).targets())
                    .containsExactly(arn);
        }

        @Test
        void detach_removes_it_and_detaching_what_is_not_attached_succeeds() {
            var arn = registered(0);
            policy(alice, "devices");
            alice.attachPolicy(r -> r.policyName("devices").target(arn));

            alice.detachPolicy(r -> r.policyName("devices").target(arn));
            alice.detachPolicy(r -> r.policyName("devices").target(arn));

            assertThat(alice.listAttachedPolicies(r -> r.target(arn)).policies())
                    .isEmpty();
            assertThat(alice.listTargetsForPolicy(r -> r.policyName("devices")).targets())
                    .isEmpty();
        }

        @Test
        void an_unknown_policy_or_another_accounts_certificate_is_not_found() {
            var arn = registered(0);
            policy(alice, "devices");
            policy(bob, "devices");

            refused(
                    () -> alice.attachPolicy(r -> r.policyName("nothing").target(arn)),
                    ResourceNotFoundException.class,
                    404);
            refused(
                    () -> bob.attachPolicy(r -> r.policyName("devices").target(arn)),
                    ResourceNotFoundException.class,
                    404);
            refused(
                    () -> bob.detachPolicy(r -> r.policyName("devices").target(arn)),
                    ResourceNotFoundException.class,
                    404);
            var unknown = "arn:aws:iot:us-east-1:111111111111:cert/"
                    + TestCertificates.id(1).value();
            refused(
                    () -> alice.attachPolicy(r -> r.policyName("devices").target(unknown)),
                    ResourceNotFoundException.class,
                    404);
            refused(() -> bob.listAttachedPolicies(r -> r.target(arn)), ResourceNotFoundException.class, 404);
            refused(
                    () -> alice.listTargetsForPolicy(r -> r.policyName("nothing")),
                    ResourceNotFoundException.class,
                    404);
        }

        @Test
        void a_target_that_is_not_a_certificate_arn_is_an_invalid_request() {
            var arn = registered(0);
            policy(alice, "devices");

            refused(
                    () -> alice.attachPolicy(r -> r.policyName("devices").target(idOf(arn))),
                    InvalidRequestException.class,
                    400);
            refused(
                    () -> alice.attachPolicy(
                            r -> r.policyName("devices").target("arn:aws:iot:us-east-1:111111111111:thing/x")),
                    InvalidRequestException.class,
                    400);
            refused(() -> alice.attachPolicy(r -> r.policyName("devices")), InvalidRequestException.class, 400);
            refused(
                    () -> alice.listAttachedPolicies(r -> r.target("arn:aws:iot:us-east-1:111111111111:cert/abc")),
                    InvalidRequestException.class,
                    400);
        }

        @Test
        void a_certificate_pending_transfer_takes_no_policy() {
            var arn = registered(0);
            policy(alice, "devices");
            alice.transferCertificate(r -> r.certificateId(idOf(arn)).targetAwsAccount(Accounts.BOB.value()));

            refused(
                    () -> alice.attachPolicy(r -> r.policyName("devices").target(arn)),
                    InvalidRequestException.class,
                    400);
        }

        @Test
        void the_eleventh_policy_exceeds_the_limit() {
            var arn = registered(0);
            for (int i = 1; i <= 10; i++) {
                var name = "policy-" + i;
                policy(alice, name);
                alice.attachPolicy(r -> r.policyName(name).target(arn));
            }
            policy(alice, "policy-11");

            refused(
                    () -> alice.attachPolicy(r -> r.policyName("policy-11").target(arn)),
                    LimitExceededException.class,
                    410);
            assertThat(alice.listAttachedPolicies(r -> r.target(arn)).policies())
                    .hasSize(10);
        }
    }

    @Nested
    class AttachThingPrincipal {

        @Test
        void attached_certificates_are_listed_by_the_thing_and_by_the_x_amzn_principal_header() {
            var arn = registered(0);
            thing(alice, "sensor-1");
            thing(alice, "sensor-2");

            alice.attachThingPrincipal(r -> r.thingName("sensor-2").principal(arn));
            alice.attachThingPrincipal(r -> r.thingName("sensor-1").principal(arn));

            var things = alice.listPrincipalThings(r -> r.principal(arn));
            assertThat(things.things()).containsExactly("sensor-1", "sensor-2");
            assertThat(things.nextToken()).isNull();
            assertThat(alice.listThingPrincipals(r -> r.thingName("sensor-1")).principals())
                    .containsExactly(arn);
        }

        @Test
        void detach_removes_it_and_detaching_what_is_not_attached_succeeds() {
            var arn = registered(0);
            thing(alice, "sensor-1");
            alice.attachThingPrincipal(r -> r.thingName("sensor-1").principal(arn));

            alice.detachThingPrincipal(r -> r.thingName("sensor-1").principal(arn));
            alice.detachThingPrincipal(r -> r.thingName("sensor-1").principal(arn));

            assertThat(alice.listThingPrincipals(r -> r.thingName("sensor-1")).principals())
                    .isEmpty();
        }

        @Test
        void an_unknown_thing_or_another_accounts_certificate_is_not_found() {
            var arn = registered(0);
            thing(alice, "sensor-1");
            thing(bob, "sensor-1");

            refused(
                    () -> alice.attachThingPrincipal(r -> r.thingName("nothing").principal(arn)),
                    ResourceNotFoundException.class,
                    404);
            refused(
                    () -> bob.attachThingPrincipal(r -> r.thingName("sensor-1").principal(arn)),
                    ResourceNotFoundException.class,
                    404);
            refused(
                    () -> bob.detachThingPrincipal(r -> r.thingName("sensor-1").principal(arn)),
                    ResourceNotFoundException.class,
                    404);
            refused(() -> bob.listPrincipalThings(r -> r.principal(arn)), ResourceNotFoundException.class, 404);
            refused(() -> alice.listThingPrincipals(r -> r.thingName("nothing")), ResourceNotFoundException.class, 404);
        }

        @Test
        void a_principal_that_is_not_a_certificate_arn_is_an_invalid_request() {
            var arn = registered(0);
            thing(alice, "sensor-1");

            refused(
                    () -> alice.attachThingPrincipal(
                            r -> r.thingName("sensor-1").principal(idOf(arn))),
                    InvalidRequestException.class,
                    400);
            refused(() -> alice.listPrincipalThings(r -> r.principal("cert")), InvalidRequestException.class, 400);
        }

        @Test
        void a_certificate_pending_transfer_takes_no_thing() {
            var arn = registered(0);
            thing(alice, "sensor-1");
            alice.transferCertificate(r -> r.certificateId(idOf(arn)).targetAwsAccount(Accounts.BOB.value()));

            refused(
                    () -> alice.attachThingPrincipal(
                            r -> r.thingName("sensor-1").principal(arn)),
                    InvalidRequestException.class,
                    400);
        }
    }

    @Nested
    class TransferAndDelete {

        @Test
        void a_policy_or_a_thing_attached_stops_a_transfer() {
            var withPolicy = registered(0);
            var withThing = registered(1);
            policy(alice, "devices");
            thing(alice, "sensor-1");
            alice.attachPolicy(r -> r.policyName("devices").target(withPolicy));
            alice.attachThingPrincipal(r -> r.thingName("sensor-1").principal(withThing));

            for (var arn : List.of(withPolicy, withThing)) {
                refused(
                        () -> alice.transferCertificate(
                                r -> r.certificateId(idOf(arn)).targetAwsAccount(Accounts.BOB.value())),
                        TransferConflictException.class,
                        409);
            }
        }

        @Test
        void a_thing_attached_stops_a_delete_even_forced() {
            var arn = registered(0);
            thing(alice, "sensor-1");
            alice.attachThingPrincipal(r -> r.thingName("sensor-1").principal(arn));

            refused(
                    () -> alice.deleteCertificate(
                            r -> r.certificateId(idOf(arn)).forceDelete(true)),
                    DeleteConflictException.class,
                    409);
        }

        @Test
        void a_policy_attached_stops_a_delete_unless_forced_which_detaches_it() {
            var arn = registered(0);
            policy(alice, "devices");
            alice.attachPolicy(r -> r.policyName("devices").target(arn));

            refused(() -> alice.deleteCertificate(r -> r.certificateId(idOf(arn))), DeleteConflictException.class, 409);
            alice.deleteCertificate(r -> r.certificateId(idOf(arn)).forceDelete(true));

            assertThat(alice.listTargetsForPolicy(r -> r.policyName("devices")).targets())
                    .isEmpty();
            alice.deletePolicy(r -> r.policyName("devices"));
        }
    }

    @Nested
    class Paging {

        /** Alice's five test certificates, attached to one policy and one thing; their ARNs by id. */
        private List<String> fiveAttached() {
            policy(alice, "devices");
            thing(alice, "sensor-1");
            var arns =
                    IntStream.range(0, 5).mapToObj(i -> registered(i)).sorted().toList();
            for (var arn : arns) {
                alice.attachPolicy(r -> r.policyName("devices").target(arn));
                alice.attachThingPrincipal(r -> r.thingName("sensor-1").principal(arn));
            }
            return arns;
        }

        @Test
        void the_sdk_paginator_walks_a_policys_targets_with_markers() {
            var arns = fiveAttached();

            var pages = alice
                    .listTargetsForPolicyPaginator(r -> r.policyName("devices").pageSize(2))
                    .stream()
                    .toList();

            assertThat(pages).hasSize(3);
            assertThat(pages.get(0).nextMarker()).isNotBlank();
            assertThat(pages.get(2).nextMarker()).isNull();
            assertThat(pages.stream().flatMap(p -> p.targets().stream())).containsExactlyElementsOf(arns);
        }

        @Test
        void the_sdk_paginator_walks_a_things_principals_with_next_tokens() {
            var arns = fiveAttached();

            var pages = alice
                    .listThingPrincipalsPaginator(r -> r.thingName("sensor-1").maxResults(2))
                    .stream()
                    .toList();

            assertThat(pages).hasSize(3);
            assertThat(pages.get(0).nextToken()).isNotBlank();
            assertThat(pages.get(2).nextToken()).isNull();
            assertThat(pages.stream().flatMap(p -> p.principals().stream())).containsExactlyElementsOf(arns);
        }

        @Test
        void a_certificates_policies_and_things_page_too() {
            var arn = registered(0);
            for (var name : List.of("c", "a", "b")) {
                policy(alice, name);
                alice.attachPolicy(r -> r.policyName(name).target(arn));
                thing(alice, name);
                alice.attachThingPrincipal(r -> r.thingName(name).principal(arn));
            }

            assertThat(alice.listAttachedPoliciesPaginator(r -> r.target(arn).pageSize(2)).policies().stream()
                            .map(p -> p.policyName()))
                    .containsExactly("a", "b", "c");
            assertThat(alice.listPrincipalThingsPaginator(r -> r.principal(arn).maxResults(2)).things().stream())
                    .containsExactly("a", "b", "c");
        }

        @Test
        void a_marker_not_issued_here_or_a_page_size_out_of_range_is_an_invalid_request() {
            fiveAttached();

            var marker = refused(
                    () -> alice.listTargetsForPolicy(
                            r -> r.policyName("devices").marker("bm90IGEgbWFya2Vy")),
                    InvalidRequestException.class,
                    400);
            assertThat(marker.awsErrorDetails().errorMessage()).contains("marker");
            var token = refused(
                    () -> alice.listThingPrincipals(r -> r.thingName("sensor-1").nextToken("x")),
                    InvalidRequestException.class,
                    400);
            assertThat(token.awsErrorDetails().errorMessage()).contains("nextToken");
            refused(
                    () -> alice.listTargetsForPolicy(
                            r -> r.policyName("devices").pageSize(251)),
                    InvalidRequestException.class,
                    400);
            var size = refused(
                    () -> alice.listThingPrincipals(r -> r.thingName("sensor-1").maxResults(0)),
                    InvalidRequestException.class,
                    400);
            assertThat(size.awsErrorDetails().errorMessage()).contains("maxResults");
        }
    }
}
