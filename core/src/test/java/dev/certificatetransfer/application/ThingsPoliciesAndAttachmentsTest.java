package dev.certificatetransfer.application;

import static dev.certificatetransfer.domain.RefusalCode.ALREADY_EXISTS;
import static dev.certificatetransfer.domain.RefusalCode.DELETE_CONFLICT;
import static dev.certificatetransfer.domain.RefusalCode.INVALID_REQUEST;
import static dev.certificatetransfer.domain.RefusalCode.LIMIT_EXCEEDED;
import static dev.certificatetransfer.domain.RefusalCode.NOT_FOUND;
import static dev.certificatetransfer.domain.RefusalCode.TRANSFER_CONFLICT;
import static dev.certificatetransfer.domain.RefusalCode.UNAUTHORIZED;
import static dev.certificatetransfer.domain.RefusalCode.VERSION_CONFLICT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.certificatetransfer.adapter.authorization.AllowAuthenticatedAuthorizer;
import dev.certificatetransfer.adapter.memory.InMemoryCertificateRepository;
import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.CertificateArn;
import dev.certificatetransfer.domain.CertificateEvent.CertificateDeleted;
import dev.certificatetransfer.domain.CertificateEvent.PolicyAttached;
import dev.certificatetransfer.domain.CertificateEvent.PolicyDetached;
import dev.certificatetransfer.domain.CertificateEvent.ThingAttached;
import dev.certificatetransfer.domain.CertificateEvent.ThingDetached;
import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.domain.CertificateStatus;
import dev.certificatetransfer.domain.PolicyArn;
import dev.certificatetransfer.domain.PolicyDocument;
import dev.certificatetransfer.domain.PolicyName;
import dev.certificatetransfer.domain.Principal;
import dev.certificatetransfer.domain.Refusal;
import dev.certificatetransfer.domain.RefusalCode;
import dev.certificatetransfer.domain.Region;
import dev.certificatetransfer.domain.ThingAttributes;
import dev.certificatetransfer.domain.ThingName;
import dev.certificatetransfer.port.in.NameMarker;
import dev.certificatetransfer.port.in.NamePageRequest;
import dev.certificatetransfer.port.in.PageSize;
import dev.certificatetransfer.port.out.Permission;
import dev.certificatetransfer.spi.CertificateChange;
import dev.certificatetransfer.testing.Accounts;
import dev.certificatetransfer.testing.ForwardingCertificateRepository;
import dev.certificatetransfer.testing.RecordingEventPublisher;
import dev.certificatetransfer.testing.TestCertificates;
import dev.certificatetransfer.testing.TickingClock;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Things, policies and attachments (docs/behaviour.md, sections 11 and 17), row by row, on the in-memory repository:
 * each operation's answers and refusals in their order, the conflict rules of transfer and deletion from real
 * attachments, the events, and the calls of a deployment whose repository keeps no registry.
 */
class ThingsPoliciesAndAttachmentsTest {

    static final Principal ALICE = Accounts.principal(Accounts.ALICE);
    static final Principal BOB = Accounts.principal(Accounts.BOB);
    static final PolicyName POLICY = new PolicyName("device-policy");
    static final ThingName THING = new ThingName("sensor-1");
    static final PolicyDocument DOCUMENT = PolicyDocument.parse("{\"Version\":\"2012-10-17\","
                    + "\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"iot:*\",\"Resource\":\"*\"}]}")
            .get();

    final RecordingEventPublisher events = new RecordingEventPublisher();
    final InMemoryCertificateRepository repository = new InMemoryCertificateRepository(events);
    final AtomicLong ids = new AtomicLong();
    final CertificateTransferService service = CertificateTransferService.builder()
            .repository(repository)
            .authorizer(new AllowAuthenticatedAuthorizer())
            .clock(new TickingClock())
            .thingIds(() -> new UUID(0, ids.incrementAndGet()))
            .build();

    CertificateId registered(int index) {
        return service.registerCertificateWithoutCa(ALICE, TestCertificates.parsed(index), CertificateStatus.INACTIVE)
                .get()
                .certificateId();
    }

    static CertificateArn arn(AccountId account, CertificateId id) {
        return new CertificateArn(Region.US_EAST_1, account, id);
    }

    static CertificateArn alices(CertificateId id) {
        return arn(Accounts.ALICE, id);
    }

    static RefusalCode code(Either<Refusal, ?> answer) {
        assertThat(answer.isLeft()).as("refused: %s", answer).isTrue();
        return answer.getLeft().code();
    }

    /** A certificate of Alice's with her policy and her thing attached. */
    CertificateId attachedToBoth() {
        var id = registered(0);
        service.createPolicy(ALICE, POLICY, DOCUMENT).get();
        service.createThing(ALICE, THING, ThingAttributes.NONE).get();
        service.attachPolicy(ALICE, POLICY, alices(id)).get();
        service.attachThingPrincipal(ALICE, THING, alices(id)).get();
        return id;
    }

    @Nested
    class Things {

        @Test
        void a_thing_is_created_in_the_callers_account_and_described_there_only() {
            var attributes = ThingAttributes.parse(Map.of("room", "kitchen")).get();
            var thing = service.createThing(ALICE, THING, attributes).get();

            assertThat(thing.owner()).isEqualTo(Accounts.ALICE);
            assertThat(thing.version()).isEqualTo(1);
            assertThat(thing.arn(Region.US_EAST_1).value())
                    .isEqualTo("arn:aws:iot:us-east-1:111111111111:thing/sensor-1");
            assertThat(service.describeThing(ALICE, THING).get()).isEqualTo(thing);
            assertThat(code(service.describeThing(BOB, THING))).isEqualTo(NOT_FOUND);
        }

        @Test
        void creating_it_again_with_the_same_attributes_answers_it_as_it_is_and_with_others_is_refused() {
            var first = service.createThing(ALICE, THING, ThingAttributes.NONE).get();

            assertThat(service.createThing(ALICE, THING, ThingAttributes.NONE).get())
                    .isEqualTo(first);
            var other = ThingAttributes.parse(Map.of("a", "b")).get();
            assertThat(code(service.createThing(ALICE, THING, other))).isEqualTo(ALREADY_EXISTS);
            assertThat(service.createThing(BOB, THING, other).get().thingId()).isNotEqualTo(first.thingId());
        }

        @Test
        void deleting_checks_that_it_exists_then_its_version_then_that_no_certificate_is_attached() {
            assertThat(code(service.deleteThing(ALICE, THING, Option.none()))).isEqualTo(NOT_FOUND);
            var id = attachedToBoth();
            assertThat(code(service.deleteThing(ALICE, THING, Option.some(2L)))).isEqualTo(VERSION_CONFLICT);
            assertThat(code(service.deleteThing(ALICE, THING, Option.some(1L)))).isEqualTo(INVALID_REQUEST);

            service.detachThingPrincipal(ALICE, THING, alices(id)).get();
            assertThat(service.deleteThing(ALICE, THING, Option.some(1L)).isRight())
                    .isTrue();
            assertThat(code(service.describeThing(ALICE, THING))).isEqualTo(NOT_FOUND);
        }
    }

    @Nested
    class Policies {

        @Test
        void a_policy_is_created_once_per_account_and_got_there_only() {
            var policy = service.createPolicy(ALICE, POLICY, DOCUMENT).get();

            assertThat(policy.arn(Region.US_EAST_1).value())
                    .isEqualTo("arn:aws:iot:us-east-1:111111111111:policy/device-policy");
            assertThat(policy.generationId()).hasSize(64);
            assertThat(service.getPolicy(ALICE, POLICY).get()).isEqualTo(policy);
            assertThat(code(service.getPolicy(BOB, POLICY))).isEqualTo(NOT_FOUND);
            assertThat(code(service.createPolicy(ALICE, POLICY, DOCUMENT))).isEqualTo(ALREADY_EXISTS);
            assertThat(service.createPolicy(BOB, POLICY, DOCUMENT).isRight()).isTrue();
        }

        @Test
        void an_attached_policy_is_not_deleted_and_a_detached_one_is() {
            var id = attachedToBoth();

            assertThat(code(service.deletePolicy(ALICE, POLICY))).isEqualTo(DELETE_CONFLICT);
            service.detachPolicy(ALICE, POLICY, alices(id)).get();
            assertThat(service.deletePolicy(ALICE, POLICY).isRight()).isTrue();
            assertThat(code(service.deletePolicy(ALICE, POLICY))).isEqualTo(NOT_FOUND);
        }
    }

    @Nested
    class Attaching {

        @Test
        void attach_and_detach_change_the_attachments_and_the_version_but_not_the_certificate_itself() {
            var id = registered(0);
            var before = repository.find(id).certificate().get();
            service.createPolicy(ALICE, POLICY, DOCUMENT).get();

            var attached = service.attachPolicy(ALICE, POLICY, alices(id)).get();

            assertThat(attached.attachments().policies()).containsExactly(POLICY);
            assertThat(attached.version()).isEqualTo(before.version() + 1);
            assertThat(attached.customerVersion()).isEqualTo(before.customerVersion());
            assertThat(attached.lastModifiedDate()).isEqualTo(before.lastModifiedDate());
            assertThat(attached.status()).isEqualTo(before.status());
            assertThat(repository.find(id).certificate()).contains(attached);
            var event = (PolicyAttached) events.events().last();
            assertThat(event.policy()).isEqualTo(POLICY);
            assertThat(event.version()).isEqualTo(attached.version());
            assertThat(event.statusBefore()).isEqualTo(event.statusAfter());
            assertThat(CertificateChange.replay(
                            events.events().filter(e -> e.certificateId().equals(id))))
                    .contains(attached);

            var detached = service.detachPolicy(ALICE, POLICY, alices(id)).get();
            assertThat(detached.attachments().isEmpty()).isTrue();
            assertThat(events.events().last()).isInstanceOf(PolicyDetached.class);
        }

        @Test
        void attaching_again_or_detaching_what_is_not_attached_changes_nothing_and_records_nothing() {
            var id = attachedToBoth();
            int recorded = events.events().size();
            var version = repository.find(id).version();

            assertThat(service.attachPolicy(ALICE, POLICY, alices(id)).isRight())
                    .isTrue();
            assertThat(service.attachThingPrincipal(ALICE, THING, alices(id)).isRight())
                    .isTrue();
            service.createPolicy(ALICE, new PolicyName("other"), DOCUMENT).get();
            assertThat(service.detachPolicy(ALICE, new PolicyName("other"), alices(id))
                            .isRight())
                    .isTrue();

            assertThat(events.events().size()).isEqualTo(recorded);
            assertThat(repository.find(id).version()).isEqualTo(version);
        }

        @Test
        void the_policy_is_looked_up_before_the_certificate_and_both_must_be_the_callers() {
            var id = registered(0);
            var unknown = alices(TestCertificates.id(5));
            assertThat(service.attachPolicy(ALICE, POLICY, unknown).getLeft())
                    .isEqualTo(new Refusal.PolicyNotFound(POLICY));
            service.createPolicy(ALICE, POLICY, DOCUMENT).get();
            assertThat(service.attachPolicy(ALICE, POLICY, unknown).getLeft())
                    .isEqualTo(new Refusal.NotFound(unknown.certificateId()));
            service.createPolicy(BOB, POLICY, DOCUMENT).get();
            assertThat(code(service.attachPolicy(BOB, POLICY, alices(id)))).isEqualTo(NOT_FOUND);
            assertThat(code(service.attachPolicy(BOB, POLICY, arn(Accounts.BOB, id))))
                    .isEqualTo(NOT_FOUND);
            assertThat(code(service.attachPolicy(
                            ALICE, POLICY, new CertificateArn(new Region("eu-west-1"), Accounts.ALICE, id))))
                    .isEqualTo(NOT_FOUND);
            assertThat(code(service.detachPolicy(ALICE, new PolicyName("nope"), alices(id))))
                    .isEqualTo(NOT_FOUND);
        }

        @Test
        void nothing_is_attached_to_a_certificate_pending_transfer_not_even_by_its_target() {
            var id = registered(0);
            service.createPolicy(ALICE, POLICY, DOCUMENT).get();
            service.createThing(ALICE, THING, ThingAttributes.NONE).get();
            service.transferCertificate(ALICE, id, Accounts.BOB, Option.none()).get();

            assertThat(code(service.attachPolicy(ALICE, POLICY, alices(id)))).isEqualTo(INVALID_REQUEST);
            assertThat(code(service.attachThingPrincipal(ALICE, THING, alices(id))))
                    .isEqualTo(INVALID_REQUEST);
            service.createPolicy(BOB, POLICY, DOCUMENT).get();
            assertThat(code(service.attachPolicy(BOB, POLICY, arn(Accounts.BOB, id))))
                    .isEqualTo(NOT_FOUND);

            service.acceptCertificateTransfer(BOB, id, false).get();
            assertThat(service.attachPolicy(BOB, POLICY, arn(Accounts.BOB, id)).isRight())
                    .isTrue();
        }

        @Test
        void a_certificate_has_at_most_ten_policies_and_ten_things() {
            var id = registered(0);
            for (int i = 0; i < 10; i++) {
                service.createPolicy(ALICE, new PolicyName("p" + i), DOCUMENT).get();
                service.attachPolicy(ALICE, new PolicyName("p" + i), alices(id)).get();
                service.createThing(ALICE, new ThingName("t" + i), ThingAttributes.NONE)
                        .get();
                service.attachThingPrincipal(ALICE, new ThingName("t" + i), alices(id))
                        .get();
            }
            service.createPolicy(ALICE, new PolicyName("p10"), DOCUMENT).get();
            service.createThing(ALICE, new ThingName("t10"), ThingAttributes.NONE)
                    .get();

            assertThat(code(service.attachPolicy(ALICE, new PolicyName("p10"), alices(id))))
                    .isEqualTo(LIMIT_EXCEEDED);
            assertThat(code(service.attachThingPrincipal(ALICE, new ThingName("t10"), alices(id))))
                    .isEqualTo(LIMIT_EXCEEDED);
            assertThat(service.attachPolicy(ALICE, new PolicyName("p9"), alices(id))
                            .isRight())
                    .isTrue();
        }

        @Test
        void thing_attachments_record_their_events() {
            var id = registered(0);
            service.createThing(ALICE, THING, ThingAttributes.NONE).get();
            service.attachThingPrincipal(ALICE, THING, alices(id)).get();
            assertThat(((ThingAttached) events.events().last()).thing()).isEqualTo(THING);
            service.detachThingPrincipal(ALICE, THING, alices(id)).get();
            assertThat(((ThingDetached) events.events().last()).thing()).isEqualTo(THING);
        }
    }

    @Nested
    class ConflictRules {

        @Test
        void a_transfer_is_refused_while_a_policy_or_a_thing_is_attached_and_goes_through_once_both_are_detached() {
            var id = attachedToBoth();

            assertThat(code(service.transferCertificate(ALICE, id, Accounts.BOB, Option.none())))
                    .isEqualTo(TRANSFER_CONFLICT);
            service.detachPolicy(ALICE, POLICY, alices(id)).get();
            assertThat(code(service.transferCertificate(ALICE, id, Accounts.BOB, Option.none())))
                    .isEqualTo(TRANSFER_CONFLICT);
            service.detachThingPrincipal(ALICE, THING, alices(id)).get();

            assertThat(service.transferCertificate(ALICE, id, Accounts.BOB, Option.none())
                            .isRight())
                    .isTrue();
            var accepted = service.acceptCertificateTransfer(BOB, id, true).get();
            assertThat(accepted.owner()).isEqualTo(Accounts.BOB);
            assertThat(accepted.attachments().isEmpty()).isTrue();
        }

        @Test
        void a_deletion_is_refused_while_a_thing_is_attached_even_forced() {
            var id = attachedToBoth();
            assertThat(code(service.deleteCertificate(ALICE, id, true))).isEqualTo(DELETE_CONFLICT);
            assertThat(code(service.deleteCertificate(ALICE, id, false))).isEqualTo(DELETE_CONFLICT);
        }

        @Test
        void a_forced_deletion_detaches_the_policies_which_can_then_be_deleted() {
            var id = attachedToBoth();
            service.detachThingPrincipal(ALICE, THING, alices(id)).get();
            assertThat(code(service.deleteCertificate(ALICE, id, false))).isEqualTo(DELETE_CONFLICT);

            service.deleteCertificate(ALICE, id, true).get();

            assertThat(events.events().last()).isInstanceOf(CertificateDeleted.class);
            assertThat(repository.listPolicyTargets(Accounts.ALICE, POLICY, Option.none(), 10))
                    .isEmpty();
            assertThat(service.deletePolicy(ALICE, POLICY).isRight()).isTrue();
        }
    }

    @Nested
    class Listings {

        @Test
        void the_listings_page_by_key_in_ascending_order_with_a_marker_until_the_last_page() {
            var first = registered(0);
            var second = registered(1);
            var third = registered(2);
            service.createPolicy(ALICE, POLICY, DOCUMENT).get();
            service.createThing(ALICE, THING, ThingAttributes.NONE).get();
            for (var id : java.util.List.of(first, second, third)) {
                service.attachPolicy(ALICE, POLICY, alices(id)).get();
                service.attachThingPrincipal(ALICE, THING, alices(id)).get();
            }
            var sorted = List.of(first, second, third)
                    .sortBy(CertificateId::value)
                    .map(ThingsPoliciesAndAttachmentsTest::alices);

            assertThat(walk(request ->
                            service.listTargetsForPolicy(ALICE, POLICY, request).get()))
                    .containsExactlyElementsOf(sorted);
            assertThat(walk(request ->
                            service.listThingPrincipals(ALICE, THING, request).get()))
                    .containsExactlyElementsOf(sorted);
            assertThat(code(service.listTargetsForPolicy(BOB, POLICY, NamePageRequest.FIRST)))
                    .isEqualTo(NOT_FOUND);
            assertThat(code(service.listThingPrincipals(BOB, THING, NamePageRequest.FIRST)))
                    .isEqualTo(NOT_FOUND);
        }

        @Test
        void a_certificates_own_listings_name_its_policies_and_things() {
            var id = registered(0);
            for (var name : java.util.List.of("b", "a", "c")) {
                service.createPolicy(ALICE, new PolicyName(name), DOCUMENT).get();
                service.attachPolicy(ALICE, new PolicyName(name), alices(id)).get();
            }
            service.createThing(ALICE, THING, ThingAttributes.NONE).get();
            service.attachThingPrincipal(ALICE, THING, alices(id)).get();

            assertThat(walk(request -> service.listAttachedPolicies(ALICE, alices(id), request)
                            .get()))
                    .extracting(PolicyArn::policyName)
                    .containsExactly(new PolicyName("a"), new PolicyName("b"), new PolicyName("c"));
            assertThat(service.listPrincipalThings(ALICE, alices(id), NamePageRequest.FIRST)
                            .get()
                            .items())
                    .containsExactly(THING);
            assertThat(code(service.listAttachedPolicies(BOB, arn(Accounts.BOB, id), NamePageRequest.FIRST)))
                    .isEqualTo(NOT_FOUND);
        }

        @Test
        void a_marker_that_is_not_a_certificate_id_is_refused_by_the_certificate_listings() {
            service.createPolicy(ALICE, POLICY, DOCUMENT).get();
            var bad = new NamePageRequest(PageSize.DEFAULT, Option.some(NameMarker.after("not-an-id")));
            assertThat(code(service.listTargetsForPolicy(ALICE, POLICY, bad))).isEqualTo(INVALID_REQUEST);
        }

        private <T> java.util.List<T> walk(
                java.util.function.Function<NamePageRequest, dev.certificatetransfer.port.in.NamePage<T>> listing) {
            var all = new ArrayList<T>();
            var request = new NamePageRequest(new PageSize(1), Option.none());
            while (true) {
                var page = listing.apply(request);
                all.addAll(page.items().asJava());
                if (page.nextMarker().isEmpty()) {
                    return all;
                }
                assertThat(page.items()).hasSize(1);
                request = new NamePageRequest(request.size(), page.nextMarker());
            }
        }
    }

    @Nested
    class Authorization {

        @Test
        void the_authorizer_is_asked_for_the_operations_action_on_the_policy_thing_or_certificate_arn() {
            var asked = new ArrayList<String>();
            var recording = CertificateTransferService.builder()
                    .repository(repository)
                    .authorizer((principal, action, resource) -> {
                        asked.add(action.iamName() + " " + resource.value());
                        return Permission.REFUSED;
                    })
                    .clock(new TickingClock())
                    .build();
            var id = TestCertificates.id(0);

            assertThat(code(recording.createPolicy(ALICE, POLICY, DOCUMENT))).isEqualTo(UNAUTHORIZED);
            assertThat(code(recording.attachThingPrincipal(ALICE, THING, alices(id))))
                    .isEqualTo(UNAUTHORIZED);
            assertThat(code(recording.listAttachedPolicies(ALICE, alices(id), NamePageRequest.FIRST)))
                    .isEqualTo(UNAUTHORIZED);
            assertThat(code(recording.createKeysAndCertificate(ALICE, false))).isEqualTo(UNAUTHORIZED);

            assertThat(asked)
                    .containsExactly(
                            "iot:CreatePolicy arn:aws:iot:us-east-1:111111111111:policy/device-policy",
                            "iot:AttachThingPrincipal arn:aws:iot:us-east-1:111111111111:thing/sensor-1",
                            "iot:ListAttachedPolicies " + alices(id).value(),
                            "iot:CreateKeysAndCertificate *");
        }
    }

    @Nested
    class WithoutARegistry {

        @Test
        void a_repository_that_keeps_no_things_or_policies_refuses_their_calls_and_still_transfers() {
            var plain = CertificateTransferService.builder()
                    .repository(new ForwardingCertificateRepository(new InMemoryCertificateRepository()) {})
                    .authorizer(new AllowAuthenticatedAuthorizer())
                    .clock(new TickingClock())
                    .build();

            assertThat(code(plain.createThing(ALICE, THING, ThingAttributes.NONE)))
                    .isEqualTo(INVALID_REQUEST);
            assertThat(code(plain.createPolicy(ALICE, POLICY, DOCUMENT))).isEqualTo(INVALID_REQUEST);
            assertThat(code(plain.createKeysAndCertificate(ALICE, false))).isEqualTo(INVALID_REQUEST);
            var id = plain.registerCertificateWithoutCa(ALICE, TestCertificates.parsed(0), CertificateStatus.INACTIVE)
                    .get()
                    .certificateId();
            assertThat(plain.transferCertificate(ALICE, id, Accounts.BOB, Option.none())
                            .isRight())
                    .isTrue();
        }
    }
}
