package dev.certificatetransfer.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.domain.CertificateEvent;
import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.domain.Principal;
import dev.certificatetransfer.port.out.CertificateRepository;
import dev.certificatetransfer.port.out.RegistryRepository;
import dev.certificatetransfer.spi.CertificateChange;
import io.vavr.collection.HashMap;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

import java.util.function.Supplier;

/**
 * Checks what a race left behind, from the events its calls committed and the answers they got, in a way that holds
 * in every interleaving. Per certificate, in version order: the versions are gapless from 1 and replaying them
 * ({@link CertificateChange#replay}) gives the stored state; no transfer was requested while anything was attached; no
 * deletion happened while a thing was attached, nor with a policy attached unless it was forced; nothing was attached
 * while the certificate was pending transfer. Per call: a refusal wrote nothing, a success wrote at most one event (its
 * own, named by its caller), inside its own window; its answer is one that {@link RaceOracle} gives on some state
 * between the reads before and after it; and a change it committed is what it decides, alone, on the state just
 * before the change (the order of the commits). At the end the registry's reverse listings agree with the
 * certificates' attachments, and no policy or thing is attached while deleted.
 */
final class RaceLogCheck {

    private final List<RaceCall> calls;
    private final Supplier<String> context;
    private final List<List<CertificateEvent>> events;
    private final List<List<Option<Certificate>>> states;
    private final Map<String, CertificateEvent> byCaller;

    private RaceLogCheck(List<RaceCall> calls, Seq<CertificateEvent> committed, Supplier<String> context) {
        this.calls = calls;
        this.context = context;
        this.events = List.range(0, AttachmentRaceCheck.CERTIFICATES)
                .map(j -> committed
                        .filter(e -> e.certificateId().equals(id(j)))
                        .sortBy(CertificateEvent::version)
                        .toList());
        this.states =
                events.map(log -> List.rangeClosed(0, log.size()).map(k -> CertificateChange.replay(log.take(k))));
        this.byCaller = committed.foldLeft(HashMap.empty(), (map, e) -> map.put(callerOf(e), e));
        assertThat(byCaller.size())
                .as(() -> "each call wrote at most one event, named by its caller\n" + context.get())
                .isEqualTo(committed.size());
        assertThat(byCaller.keySet().toJavaSet())
                .as(() -> "every event names the call that made it\n" + context.get())
                .isSubsetOf(calls.map(RaceCall::caller).toJavaSet());
    }

    static <R extends CertificateRepository & RegistryRepository> void check(
            List<RaceCall> calls,
            Seq<CertificateEvent> committed,
            Option<Seq<CertificateEvent>> published,
            R repository,
            Supplier<String> context) {
        var check = new RaceLogCheck(calls, committed, context);
        check.versionsAndReplay(repository);
        check.invariants();
        calls.forEach(check::answer);
        check.registry(repository);
        published.forEach(check::publishedAsCommitted);
    }

    private void versionsAndReplay(CertificateRepository repository) {
        for (int j = 0; j < AttachmentRaceCheck.CERTIFICATES; j++) {
            var log = events.get(j);
            int i = j;
            assertThat(log.map(CertificateEvent::version))
                    .as(() -> "the versions of certificate " + i + " are gapless from 1\n" + context.get())
                    .containsExactlyElementsOf(List.rangeClosed(1L, (long) log.size()));
            var stored = repository.find(id(j));
            assertThat(stored.certificate())
                    .as(() -> "certificate " + i + " as stored is its events replayed\n" + context.get())
                    .isEqualTo(states.get(j).last());
            assertThat(stored.version()).isEqualTo(log.size());
        }
    }

    private void invariants() {
        for (int j = 0; j < AttachmentRaceCheck.CERTIFICATES; j++) {
            for (var e : events.get(j)) {
                var previous = states.get(j).get((int) e.version() - 1);
                if (previous.isEmpty()) {
                    continue; // a registration
                }
                var before = previous.get();
                var attached = before.attachments();
                Supplier<String> what =
                        () -> e + " on " + before.attachments() + ", " + before.status() + "\n" + context.get();
                switch (e.type()) {
                    case TRANSFER_REQUESTED ->
                        assertThat(attached.isEmpty())
                                .as(() -> "no transfer while anything is attached: " + what.get())
                                .isTrue();
                    case CERTIFICATE_DELETED -> {
                        assertThat(attached.things().isEmpty())
                                .as(() -> "no deletion while a thing is attached: " + what.get())
                                .isTrue();
                        assertThat(attached.policies().isEmpty()
                                        || callOf(e).op().force())
                                .as(() -> "no deletion with a policy attached unless forced: " + what.get())
                                .isTrue();
                    }
                    case POLICY_ATTACHED, THING_ATTACHED ->
                        assertThat(before.status())
                                .as(() -> "nothing is attached while pending transfer: " + what.get())
                                .isNotEqualTo(dev.certificatetransfer.domain.CertificateStatus.PENDING_TRANSFER);
                    default -> {}
                }
            }
        }
    }

    private void answer(RaceCall call) {
        var event = byCaller.get(call.caller());
        Supplier<String> what = () -> call + ", wrote " + event.getOrNull() + "\n" + context.get();
        if (call.refusal().isDefined()) {
            assertThat(event).as(() -> "a refusal wrote nothing: " + what.get()).isEmpty();
        }
        if (call.refusal().exists(code -> code == dev.certificatetransfer.domain.RefusalCode.THROTTLED)) {
            return;
        }
        var observed = new RaceOracle.Answer(call.refusal(), event.map(CertificateEvent::type));
        int j = call.op().certificate();
        var possible = RaceWindow.of(call, calls, states)
                .answers(call.versionsBefore().get(j), call.versionsAfter().get(j));
        assertThat(possible)
                .as(() -> "the answer is one the call gets alone on a state it may have seen: " + what.get())
                .contains(observed);
        for (var e : event) {
            assertThat(e.certificateId()).isEqualTo(id(j));
            assertThat(e.version())
                    .as(() -> "the change committed while the call ran: " + what.get())
                    .isGreaterThan(call.versionsBefore().get(j))
                    .isLessThanOrEqualTo(call.versionsAfter().get(j));
            assertThat(RaceWindow.of(call, calls, states).answers(e.version() - 1, e.version() - 1))
                    .as(() -> "in the order of the commits, the call decides its own change: " + what.get())
                    .contains(RaceOracle.Answer.changed(e.type()));
            RaceWindow.checkPayload(e, call, what);
        }
    }

    private void registry(RegistryRepository registry) {
        var finals = states.map(List::last);
        for (var account : AttachmentRaceCheck.ACCOUNTS) {
            for (int n = 0; n < 2; n++) {
                int name = n;
                var policyTargets = List.range(0, AttachmentRaceCheck.CERTIFICATES)
                        .filter(j -> RaceOracle.attachedTo(finals.get(j), account, name, true))
                        .map(RaceLogCheck::id)
                        .sortBy(CertificateId::value);
                var thingPrincipals = List.range(0, AttachmentRaceCheck.CERTIFICATES)
                        .filter(j -> RaceOracle.attachedTo(finals.get(j), account, name, false))
                        .map(RaceLogCheck::id)
                        .sortBy(CertificateId::value);
                assertThat(registry.listPolicyTargets(account, RaceOracle.policyName(n), Option.none(), 100))
                        .as(() -> "the reverse listing of " + account + "'s policy-" + name + "\n" + context.get())
                        .containsExactlyElementsOf(policyTargets);
                assertThat(registry.listThingPrincipals(account, RaceOracle.thingName(n), Option.none(), 100))
                        .as(() -> "the reverse listing of " + account + "'s thing-" + name + "\n" + context.get())
                        .containsExactlyElementsOf(thingPrincipals);
                assertThat(policyTargets.isEmpty()
                                || registry.findPolicy(account, RaceOracle.policyName(n))
                                        .isDefined())
                        .as(() -> "an attached policy is not deleted: " + account + "'s policy-" + name + "\n"
                                + context.get())
                        .isTrue();
                assertThat(thingPrincipals.isEmpty()
                                || registry.findThing(account, RaceOracle.thingName(n))
                                        .isDefined())
                        .as(() -> "an attached thing is not deleted: " + account + "'s thing-" + name + "\n"
                                + context.get())
                        .isTrue();
            }
        }
    }

    private void publishedAsCommitted(Seq<CertificateEvent> published) {
        for (int j = 0; j < AttachmentRaceCheck.CERTIFICATES; j++) {
            var id = id(j);
            assertThat(published.filter(e -> e.certificateId().equals(id)))
                    .as(() -> "the publisher got the committed events, in version order\n" + context.get())
                    .containsExactlyElementsOf(events.get(j));
        }
        assertThat(published.size()).isEqualTo(events.map(List::size).sum().intValue());
    }

    private RaceCall callOf(CertificateEvent e) {
        return calls.find(c -> c.caller().equals(callerOf(e)))
                .getOrElseThrow(
                        () -> new AssertionError("an event no call of the race made: " + e + "\n" + context.get()));
    }

    private static String callerOf(CertificateEvent e) {
        return e.actor() instanceof Principal p ? p.name() : e.actor().toString();
    }

    static CertificateId id(int certificate) {
        return TestCertificates.id(certificate);
    }
}
