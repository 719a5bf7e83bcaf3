package dev.certificatetransfer.application;

import static dev.certificatetransfer.domain.RefusalCode.CERTIFICATE_STATE;
import static dev.certificatetransfer.domain.RefusalCode.INVALID_REQUEST;
import static dev.certificatetransfer.domain.RefusalCode.NOT_FOUND;
import static dev.certificatetransfer.domain.RefusalCode.TRANSFER_CONFLICT;
import static dev.certificatetransfer.domain.RefusalCode.UNAUTHORIZED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.certificatetransfer.adapter.authorization.AllowAuthenticatedAuthorizer;
import dev.certificatetransfer.adapter.memory.InMemoryCertificateRepository;
import dev.certificatetransfer.adapter.transferrule.AllowListTransferRule;
import dev.certificatetransfer.domain.Attachments;
import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.domain.CertificateStatus;
import dev.certificatetransfer.domain.Principal;
import dev.certificatetransfer.domain.Refusal;
import dev.certificatetransfer.domain.RefusalCode;
import dev.certificatetransfer.port.out.Permission;
import dev.certificatetransfer.port.out.TransferRule;
import dev.certificatetransfer.testing.Accounts;
import dev.certificatetransfer.testing.RecordingEventPublisher;
import dev.certificatetransfer.testing.TestCertificates;
import dev.certificatetransfer.testing.TickingClock;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Who may send to whom, docs/behaviour.md, section 14: the TransferRule asked by TransferCertificate after its state
 * rules.
 */
class TransferRuleTest {

    static final Principal ALICE = Accounts.principal(Accounts.ALICE);
    static final Principal BOB = Accounts.principal(Accounts.BOB);
    static final Principal CAROL = Accounts.principal(Accounts.CAROL);

    /** Bob accepts transfers from Carol only; Alice and Carol have no list. */
    final AllowListTransferRule bobAcceptsCarolOnly =
            AllowListTransferRule.empty().allowing(Accounts.BOB, Accounts.CAROL);

    final AtomicInteger questions = new AtomicInteger();
    final RecordingEventPublisher events = new RecordingEventPublisher();
    final InMemoryCertificateRepository repository = new InMemoryCertificateRepository(events);
    volatile Attachments attachments = Attachments.NONE;
    final CertificateTransferService service = CertificateTransferService.builder()
            .repository(repository)
            .authorizer(new AllowAuthenticatedAuthorizer())
            .clock(new TickingClock())
            .attachments(id -> attachments)
            .transferRule((source, certificate, target) -> {
                questions.incrementAndGet();
                return bobAcceptsCarolOnly.evaluate(source, certificate, target);
            })
            .build();

    CertificateId registered(int index, Principal owner, CertificateStatus status) {
        return service.registerCertificateWithoutCa(owner, TestCertificates.parsed(index), status)
                .get()
                .certificateId();
    }

    Refusal refusedWithoutTrace(
            Either<Refusal, ?> answer, RefusalCode code, CertificateId id, int eventsBefore, Object stateBefore) {
        assertThat(answer.isLeft()).as("expected %s, got %s", code, answer).isTrue();
        assertThat(answer.getLeft().code()).isEqualTo(code);
        assertThat(repository.find(id).certificate().getOrNull()).isEqualTo(stateBefore);
        assertThat(events.events()).hasSize(eventsBefore);
        return answer.getLeft();
    }

    @Test
    void a_target_refuses_a_sender_it_has_not_listed_with_401_and_nothing_changes() {
        var id = registered(0, ALICE, CertificateStatus.INACTIVE);
        var before = repository.find(id).certificate().get();
        var refused = refusedWithoutTrace(
                service.transferCertificate(ALICE, id, Accounts.BOB, Option.none()),
                UNAUTHORIZED,
                id,
                events.events().size(),
                before);
        assertThat(refused.message()).isEqualTo("the target account does not accept transfers from this account");
    }

    @Test
    void a_target_accepts_a_sender_on_its_list() {
        var id = registered(0, CAROL, CertificateStatus.INACTIVE);
        assertThat(service.transferCertificate(CAROL, id, Accounts.BOB, Option.none())
                        .get()
                        .certificate()
                        .pendingTarget())
                .contains(Accounts.BOB);
    }

    @Test
    void a_target_without_a_list_accepts_anyone() {
        var id = registered(0, BOB, CertificateStatus.INACTIVE);
        assertThat(service.transferCertificate(BOB, id, Accounts.ALICE, Option.none())
                        .isRight())
                .isTrue();
    }

    @Test
    void the_transfer_rule_is_asked_after_the_state_rules_so_their_answers_come_first() {
        var active = registered(0, ALICE, CertificateStatus.ACTIVE);
        assertThat(service.transferCertificate(ALICE, active, Accounts.BOB, Option.none())
                        .getLeft()
                        .code())
                .isEqualTo(CERTIFICATE_STATE);
        var attached = registered(1, ALICE, CertificateStatus.INACTIVE);
        attachments = new Attachments(1, 0);
        assertThat(service.transferCertificate(ALICE, attached, Accounts.BOB, Option.none())
                        .getLeft()
                        .code())
                .isEqualTo(TRANSFER_CONFLICT);
        attachments = Attachments.NONE;
        assertThat(service.transferCertificate(ALICE, attached, Accounts.ALICE, Option.none())
                        .getLeft()
                        .code())
                .isEqualTo(INVALID_REQUEST);
        assertThat(service.transferCertificate(CAROL, attached, Accounts.BOB, Option.none())
                        .getLeft()
                        .code())
                .isEqualTo(NOT_FOUND);
        assertThat(questions).hasValue(0);
    }

    @Test
    void the_default_transfer_rule_allows_every_transfer() {
        assertThat(TransferRule.allowAll().evaluate(Accounts.ALICE, TestCertificates.id(0), Accounts.BOB))
                .isEqualTo(Permission.ALLOWED);
    }
}
