package dev.certificatetransfer.application;

import static dev.certificatetransfer.application.ServiceFixture.ALICE;
import static dev.certificatetransfer.application.ServiceFixture.BOB;
import static dev.certificatetransfer.application.ServiceFixture.CAROL;
import static dev.certificatetransfer.domain.RefusalCode.INVALID_REQUEST;
import static dev.certificatetransfer.domain.RefusalCode.NOT_FOUND;
import static dev.certificatetransfer.domain.RefusalCode.UNAUTHORIZED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.certificatetransfer.domain.CertificateStatus;
import dev.certificatetransfer.domain.IotAction;
import dev.certificatetransfer.domain.Principal;
import dev.certificatetransfer.domain.Refusal;
import dev.certificatetransfer.domain.Resource;
import dev.certificatetransfer.port.in.CertificateTransferUseCases;
import dev.certificatetransfer.port.in.PageRequest;
import dev.certificatetransfer.port.out.Authorizer;
import dev.certificatetransfer.port.out.Permission;
import dev.certificatetransfer.testing.Accounts;
import dev.certificatetransfer.testing.TestCertificates;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/** Check 2 of every operation: the exact question put to the Authorizer, and where its answer falls in the order. */
class AuthorizationTest {

    /** Certificate 0 is pending from Alice to Bob, 1 is Alice's and inactive, 2 is not registered yet. */
    private static final int PENDING = 0;

    private static final int INACTIVE = 1;
    private static final int UNREGISTERED = 2;
    private static final int UNKNOWN = 5;

    private final RecordingAuthorizer authorizer = new RecordingAuthorizer();
    private final ServiceFixture fixture = new ServiceFixture(authorizer);

    /** What an operation asks about: a certificate it looks up, a certificate it creates, or no certificate. */
    enum Subject {
        LOOKED_UP,
        CREATED,
        NONE
    }

    /** One row of the table: an operation, the action it must ask about, and a caller for whom it succeeds. */
    record Operation(
            String name, String action, Subject subject, Principal succeedingCaller, int certificate, Call call) {

        Either<Refusal, ?> callAs(ServiceFixture fixture, Principal caller, int certificate) {
            return call.on(fixture.service, caller, certificate);
        }

        /** The resource as the Authorizer must see it: the ARN under the caller's own account, or IAM's {@code *}. */
        String resourceFor(Principal caller, int certificate) {
            return subject == Subject.NONE
                    ? "*"
                    : "arn:aws:iot:us-east-1:" + caller.account().value() + ":cert/"
                            + TestCertificates.id(certificate).value();
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** An operation of the inbound port, called by a caller on certificate {@code index} of TestCertificates. */
    @FunctionalInterface
    interface Call {
        Either<Refusal, ?> on(CertificateTransferUseCases service, Principal caller, int index);
    }

    static Stream<Operation> operations() {
        return Stream.of(
                new Operation(
                        "cancel",
                        "iot:CancelCertificateTransfer",
                        Subject.LOOKED_UP,
                        ALICE,
                        PENDING,
                        (s, caller, i) -> s.cancelCertificateTransfer(caller, TestCertificates.id(i))),
                new Operation(
                        "transfer",
                        "iot:TransferCertificate",
                        Subject.LOOKED_UP,
                        ALICE,
                        INACTIVE,
                        (s, caller, i) ->
                                s.transferCertificate(caller, TestCertificates.id(i), Accounts.BOB, Option.none())),
                new Operation(
                        "accept",
                        "iot:AcceptCertificateTransfer",
                        Subject.LOOKED_UP,
                        BOB,
                        PENDING,
                        (s, caller, i) -> s.acceptCertificateTransfer(caller, TestCertificates.id(i), false)),
                new Operation(
                        "reject",
                        "iot:RejectCertificateTransfer",
                        Subject.LOOKED_UP,
                        BOB,
                        PENDING,
                        (s, caller, i) -> s.rejectCertificateTransfer(caller, TestCertificates.id(i), Option.none())),
                new Operation(
                        "describe",
                        "iot:DescribeCertificate",
                        Subject.LOOKED_UP,
                        ALICE,
                        INACTIVE,
                        (s, caller, i) -> s.describeCertificate(caller, TestCertificates.id(i))),
                new Operation(
                        "update",
                        "iot:UpdateCertificate",
                        Subject.LOOKED_UP,
                        ALICE,
                        INACTIVE,
                        (s, caller, i) ->
                                s.updateCertificate(caller, TestCertificates.id(i), CertificateStatus.ACTIVE)),
                new Operation(
                        "delete",
                        "iot:DeleteCertificate",
                        Subject.LOOKED_UP,
                        ALICE,
                        INACTIVE,
                        (s, caller, i) -> s.deleteCertificate(caller, TestCertificates.id(i), false)),
                new Operation(
                        "list",
                        "iot:ListCertificates",
                        Subject.NONE,
                        ALICE,
                        INACTIVE,
                        (s, caller, i) -> s.listCertificates(caller, PageRequest.FIRST)),
                new Operation(
                        "listOutgoing",
                        "iot:ListOutgoingCertificates",
                        Subject.NONE,
                        ALICE,
                        INACTIVE,
                        (s, caller, i) -> s.listOutgoingCertificates(caller, PageRequest.FIRST)),
                new Operation(
                        "register",
                        "iot:RegisterCertificateWithoutCA",
                        Subject.CREATED,
                        ALICE,
                        UNREGISTERED,
                        (s, caller, i) -> s.registerCertificateWithoutCa(
                                caller, TestCertificates.parsed(i), CertificateStatus.INACTIVE)));
    }

    static Stream<Operation> lookups() {
        return operations().filter(operation -> operation.subject() == Subject.LOOKED_UP);
    }

    @BeforeEach
    void pending_and_inactive_certificates() {
        fixture.pendingFromAliceToBob(PENDING);
        fixture.registered(INACTIVE, ALICE);
        authorizer.forget();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void asks_once_about_its_action_on_the_arn_under_the_callers_own_account(Operation operation) {
        for (var caller : List.of(CAROL, BOB, ALICE)) {
            authorizer.forget();
            operation.callAs(fixture, caller, operation.certificate());
            assertThat(authorizer.asked())
                    .as("%s by %s", operation, caller.name())
                    .containsExactly(caller.name() + " " + operation.action() + " "
                            + operation.resourceFor(caller, operation.certificate()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void a_refused_call_is_unauthorized_changes_nothing_and_publishes_nothing(Operation operation) {
        var caller = operation.succeedingCaller();
        authorizer.denyAll();
        fixture.refused(() -> operation.callAs(fixture, caller, operation.certificate()), UNAUTHORIZED);
        assertThat(authorizer.asked()).hasSize(1);

        authorizer.allowAll();
        assertThat(operation.callAs(fixture, caller, operation.certificate()).isRight())
                .as("the same call, allowed, succeeds")
                .isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lookups")
    void a_refused_caller_learns_nothing_about_unknown_or_invisible_certificates(Operation operation) {
        authorizer.answerBy(
                (principal, action, resource) -> principal.equals(CAROL) ? Permission.REFUSED : Permission.ALLOWED);
        fixture.refused(() -> operation.callAs(fixture, CAROL, operation.certificate()), UNAUTHORIZED);
        fixture.refused(() -> operation.callAs(fixture, CAROL, UNKNOWN), UNAUTHORIZED);
        authorizer.denyAll();
        fixture.refused(() -> operation.callAs(fixture, operation.succeedingCaller(), UNKNOWN), UNAUTHORIZED);

        authorizer.allowAll();
        fixture.refused(() -> operation.callAs(fixture, CAROL, operation.certificate()), NOT_FOUND);
        fixture.refused(() -> operation.callAs(fixture, operation.succeedingCaller(), UNKNOWN), NOT_FOUND);
    }

    @ParameterizedTest
    @EnumSource(
            value = CertificateStatus.class,
            names = {"PENDING_TRANSFER", "PENDING_ACTIVATION"})
    void a_status_nobody_may_ask_for_is_invalid_before_the_authorizer_is_asked(CertificateStatus status) {
        authorizer.denyAll();
        fixture.refused(
                () -> fixture.service.updateCertificate(ALICE, TestCertificates.id(INACTIVE), status), INVALID_REQUEST);
        fixture.refused(
                () -> fixture.service.registerCertificateWithoutCa(
                        ALICE, TestCertificates.parsed(UNREGISTERED), status),
                INVALID_REQUEST);
        assertThat(authorizer.asked()).isEmpty();
    }

    /**
     * An Authorizer that records every question it is asked and answers by a rule the test sets (allow all at first).
     */
    static final class RecordingAuthorizer implements Authorizer {

        private final List<String> asked = new CopyOnWriteArrayList<>();
        private volatile Authorizer rule = (principal, action, resource) -> Permission.ALLOWED;

        @Override
        public Permission authorize(Principal principal, IotAction action, Resource resource) {
            asked.add(principal.name() + " " + action.iamName() + " " + resource.value());
            return rule.authorize(principal, action, resource);
        }

        /** Each question, as "principal action resource", in the order asked. */
        List<String> asked() {
            return List.copyOf(asked);
        }

        void forget() {
            asked.clear();
        }

        void answerBy(Authorizer rule) {
            this.rule = rule;
        }

        void denyAll() {
            answerBy((principal, action, resource) -> Permission.REFUSED);
        }

        void allowAll() {
            answerBy((principal, action, resource) -> Permission.ALLOWED);
        }
    }
}
