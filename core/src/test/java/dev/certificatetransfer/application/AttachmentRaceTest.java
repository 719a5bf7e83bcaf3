package dev.certificatetransfer.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certificatetransfer.adapter.authorization.AllowAuthenticatedAuthorizer;
import dev.certificatetransfer.adapter.memory.InMemoryCertificateRepository;
import dev.certificatetransfer.domain.CertificateArn;
import dev.certificatetransfer.domain.CertificateEvent;
import dev.certificatetransfer.domain.CertificateEvent.EventType;
import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.domain.CertificateStatus;
import dev.certificatetransfer.domain.PolicyDocument;
import dev.certificatetransfer.domain.PolicyName;
import dev.certificatetransfer.domain.Principal;
import dev.certificatetransfer.domain.Refusal;
import dev.certificatetransfer.domain.RefusalCode;
import dev.certificatetransfer.domain.ThingAttributes;
import dev.certificatetransfer.domain.ThingName;
import dev.certificatetransfer.domain.TransferMessage;
import dev.certificatetransfer.spi.CommitOutcome;
import dev.certificatetransfer.testing.Accounts;
import dev.certificatetransfer.testing.AttachmentRaceCheck;
import dev.certificatetransfer.testing.HoldingRepository;
import dev.certificatetransfer.testing.RecordingEventPublisher;
import dev.certificatetransfer.testing.TestCertificates;
import dev.certificatetransfer.testing.TickingClock;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Attach and detach racing a transfer, a deletion of the certificate, and a deletion of the policy or thing
 * (docs/behaviour.md#17-things-policies-and-attachments): a property over many generated schedules of four threads on
 * the in-memory repository ({@link AttachmentRaceCheck}), and each race of two calls decided by latches, both ways
 * round: the call whose write is held decides again on the winner's state and gets the answer it would get after it.
 */
class AttachmentRaceTest {

    private static final Principal ALICE = Accounts.principal(Accounts.ALICE);
    private static final PolicyName POLICY = new PolicyName("policy-0");
    private static final ThingName THING = new ThingName("thing-0");

    private final RecordingEventPublisher events = new RecordingEventPublisher();
    private final InMemoryCertificateRepository repository = new InMemoryCertificateRepository(events);
    private final ExecutorService pool = Executors.newSingleThreadExecutor();
    private final CertificateId id = TestCertificates.id(0);
    private HoldingRepository holding;
    private CertificateTransferService service;
    private CertificateArn arn;

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    @Test
    void racing_attaches_and_detaches_keep_every_rule_whatever_the_interleaving() {
        var tried = AttachmentRaceCheck.onPublishing(InMemoryCertificateRepository::new)
                .examples(300)
                .check();
        System.out.println("Attachment race property, calls tried: " + tried);
    }

    @Nested
    class A_transfer_and_an_attach {

        @Test
        void a_transfer_held_while_a_policy_is_attached_is_decided_again_and_refused_with_transfer_conflict()
                throws Exception {
            start(HoldingRepository.holdingCommit(repository, c -> c.event().type() == EventType.TRANSFER_REQUESTED));
            var transfer = heldWhile(
                    () -> service.transferCertificate(ALICE, id, Accounts.BOB, Option.<TransferMessage>none()),
                    () -> service.attachPolicy(ALICE, POLICY, arn));
            assertRefused(transfer, RefusalCode.TRANSFER_CONFLICT);
            assertThat(stored().status()).isEqualTo(CertificateStatus.INACTIVE);
            assertThat(stored().attachments().policies()).containsExactly(POLICY);
            assertThat(types()).doesNotContain(EventType.TRANSFER_REQUESTED).contains(EventType.POLICY_ATTACHED);
        }

        @Test
        void an_attach_held_while_the_transfer_commits_is_decided_again_and_refused_as_pending_transfer()
                throws Exception {
            start(HoldingRepository.holdingCommit(repository, c -> c.event().type() == EventType.POLICY_ATTACHED));
            var attach = heldWhile(
                    () -> service.attachPolicy(ALICE, POLICY, arn),
                    () -> service.transferCertificate(ALICE, id, Accounts.BOB, Option.<TransferMessage>none()));
            assertRefused(attach, RefusalCode.INVALID_REQUEST);
            assertThat(stored().status()).isEqualTo(CertificateStatus.PENDING_TRANSFER);
            assertThat(stored().attachments().isEmpty()).isTrue();
            assertThat(types()).doesNotContain(EventType.POLICY_ATTACHED);
        }
    }

    @Nested
    class A_deletion_and_an_attach_of_a_thing {

        @Test
        void a_forced_deletion_held_while_a_thing_is_attached_is_decided_again_and_refused_with_delete_conflict()
                throws Exception {
            start(HoldingRepository.holdingCommit(repository, c -> c.event().type() == EventType.CERTIFICATE_DELETED));
            var deletion = heldWhile(
                    () -> service.deleteCertificate(ALICE, id, true),
                    () -> service.attachThingPrincipal(ALICE, THING, arn));
            assertRefused(deletion, RefusalCode.DELETE_CONFLICT);
            assertThat(stored().attachments().things()).containsExactly(THING);
            assertThat(types()).doesNotContain(EventType.CERTIFICATE_DELETED);
        }

        @Test
        void an_attach_held_while_the_certificate_is_deleted_finds_it_no_more() throws Exception {
            start(HoldingRepository.holdingCommit(repository, c -> c.event().type() == EventType.THING_ATTACHED));
            var attach = heldWhile(
                    () -> service.attachThingPrincipal(ALICE, THING, arn),
                    () -> service.deleteCertificate(ALICE, id, false));
            assertRefused(attach, RefusalCode.NOT_FOUND);
            assertThat(repository.find(id).certificate()).isEmpty();
            assertThat(repository.listThingPrincipals(Accounts.ALICE, THING, Option.none(), 10))
                    .isEmpty();
            assertThat(service.deleteThing(ALICE, THING, Option.none()).isRight())
                    .isTrue();
        }
    }

    @Nested
    class DeletePolicy_and_an_attach {

        @Test
        void an_attach_held_while_the_policy_is_deleted_is_not_committed_and_finds_the_policy_no_more()
                throws Exception {
            start(HoldingRepository.holdingCommit(repository, c -> c.event().type() == EventType.POLICY_ATTACHED));
            var attach = heldWhile(
                    () -> service.attachPolicy(ALICE, POLICY, arn), () -> service.deletePolicy(ALICE, POLICY));
            assertRefused(attach, RefusalCode.NOT_FOUND);
            assertThat(repository.findPolicy(Accounts.ALICE, POLICY)).isEmpty();
            assertThat(stored().attachments().isEmpty()).isTrue();
            assertThat(repository.listPolicyTargets(Accounts.ALICE, POLICY, Option.none(), 10))
                    .isEmpty();
        }

        @Test
        void a_policy_deletion_held_while_the_policy_is_attached_is_decided_again_and_refused_with_delete_conflict()
                throws Exception {
            start(HoldingRepository.holdingPolicyDeletion(repository));
            var deletion = heldWhile(
                    () -> service.deletePolicy(ALICE, POLICY), () -> service.attachPolicy(ALICE, POLICY, arn));
            assertRefused(deletion, RefusalCode.DELETE_CONFLICT);
            assertThat(repository.findPolicy(Accounts.ALICE, POLICY)).isNotEmpty();
            assertThat(stored().attachments().policies()).containsExactly(POLICY);
        }
    }

    @Nested
    class DeleteThing_and_an_attach {

        @Test
        void an_attach_held_while_the_thing_is_deleted_is_not_committed_and_finds_the_thing_no_more() throws Exception {
            start(HoldingRepository.holdingCommit(repository, c -> c.event().type() == EventType.THING_ATTACHED));
            var attach = heldWhile(
                    () -> service.attachThingPrincipal(ALICE, THING, arn),
                    () -> service.deleteThing(ALICE, THING, Option.none()));
            assertRefused(attach, RefusalCode.NOT_FOUND);
            assertThat(repository.findThing(Accounts.ALICE, THING)).isEmpty();
            assertThat(stored().attachments().isEmpty()).isTrue();
        }

        @Test
        void a_thing_deletion_held_while_the_thing_is_attached_is_decided_again_and_refused() throws Exception {
            start(HoldingRepository.holdingThingDeletion(repository));
            var deletion = heldWhile(
                    () -> service.deleteThing(ALICE, THING, Option.none()),
                    () -> service.attachThingPrincipal(ALICE, THING, arn));
            assertRefused(deletion, RefusalCode.INVALID_REQUEST);
            assertThat(repository.findThing(Accounts.ALICE, THING)).isNotEmpty();
            assertThat(stored().attachments().things()).containsExactly(THING);
        }
    }

    /** A service on the holding repository, with Alice's certificate 0 (INACTIVE), her policy and her thing. */
    private void start(HoldingRepository holdingRepository) {
        holding = holdingRepository;
        service = CertificateTransferService.builder()
                .repository(holding)
                .authorizer(new AllowAuthenticatedAuthorizer())
                .clock(new TickingClock())
                .build();
        arn = new CertificateArn(service.region(), Accounts.ALICE, id);
        service.registerCertificateWithoutCa(ALICE, TestCertificates.parsed(0), CertificateStatus.INACTIVE)
                .get();
        service.createPolicy(ALICE, POLICY, new PolicyDocument("{}")).get();
        service.createThing(ALICE, THING, ThingAttributes.NONE).get();
    }

    /**
     * Starts the held call on another thread, waits until its write is held, makes the other call (which must
     * succeed), releases the held write and returns the held call's answer; the held write itself lost its race.
     */
    private <T> Either<Refusal, T> heldWhile(Supplier<Either<Refusal, T>> held, Supplier<Either<Refusal, ?>> meanwhile)
            throws Exception {
        var call = pool.submit(held::get);
        holding.awaitHeld();
        var winner = meanwhile.get();
        assertThat(winner.isRight())
                .as("the call that wins the race: %s", winner)
                .isTrue();
        holding.release();
        var answer = call.get(30, TimeUnit.SECONDS);
        assertThat(holding.heldOutcome()).as("the held write lost").isEqualTo(CommitOutcome.CONFLICT);
        return answer;
    }

    private void assertRefused(Either<Refusal, ?> answer, RefusalCode code) {
        assertThat(answer.isLeft()).as("refused: %s", answer).isTrue();
        assertThat(answer.getLeft().code()).isEqualTo(code);
    }

    private dev.certificatetransfer.domain.Certificate stored() {
        return repository.find(id).certificate().get();
    }

    private io.vavr.collection.List<EventType> types() {
        return events.events().map(CertificateEvent::type);
    }
}
