package dev.certificatetransfer.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.domain.CertificateEvent;
import dev.certificatetransfer.domain.CertificateEvent.PolicyAttached;
import dev.certificatetransfer.domain.CertificateEvent.PolicyDetached;
import dev.certificatetransfer.domain.CertificateEvent.ThingAttached;
import dev.certificatetransfer.domain.CertificateEvent.ThingDetached;
import dev.certificatetransfer.domain.CertificateEvent.TransferRequested;
import dev.certificatetransfer.domain.Principal;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Set;
import io.vavr.control.Option;

import java.util.function.Supplier;

/**
 * What one call of a race may have seen while it ran: any state of its certificate between the versions read before
 * and after it; whether the caller's policy and thing existed (as read before or after it, or either if another
 * call that created or deleted them overlapped it); and for DeletePolicy and DeleteThing, whether they were attached
 * to either certificate at some moment of their windows.
 */
final class RaceWindow {

    private final RaceCall call;
    private final List<List<Option<Certificate>>> states;
    private final List<Boolean> policies;
    private final List<Boolean> things;
    private final List<Boolean> attachedAnywhere;

    private RaceWindow(RaceCall call, List<RaceCall> calls, List<List<Option<Certificate>>> states) {
        this.call = call;
        this.states = states;
        this.policies = existence(call, calls, true);
        this.things = existence(call, calls, false);
        this.attachedAnywhere = switch (call.op().kind()) {
            case DELETE_POLICY -> attachedAnywhere(true);
            case DELETE_THING -> attachedAnywhere(false);
            default -> List.of(false);
        };
    }

    static RaceWindow of(RaceCall call, List<RaceCall> calls, List<List<Option<Certificate>>> states) {
        return new RaceWindow(call, calls, states);
    }

    /** The answers the call gets alone on each state of its certificate from one version to another. */
    Set<RaceOracle.Answer> answers(long fromVersion, long toVersion) {
        var log = states.get(call.op().certificate());
        Set<RaceOracle.Answer> answers = HashSet.empty();
        for (long k = fromVersion; k <= toVersion; k++) {
            var state = log.get((int) k);
            for (boolean policy : policies) {
                for (boolean thing : things) {
                    for (boolean attached : attachedAnywhere) {
                        answers = answers.add(RaceOracle.answer(call, state, policy, thing, attached));
                    }
                }
            }
        }
        return answers;
    }

    /** The event names what the call asked for, and its caller's account. */
    static void checkPayload(CertificateEvent e, RaceCall call, Supplier<String> what) {
        var op = call.op();
        assertThat(e.actor()).as(() -> "actor of " + what.get()).isEqualTo(new Principal(call.actor(), call.caller()));
        if (e instanceof TransferRequested requested) {
            assertThat(requested.target()).as(() -> "target of " + what.get()).isEqualTo(call.target());
        } else if (e instanceof PolicyAttached attached) {
            assertThat(attached.policy())
                    .as(() -> "policy of " + what.get())
                    .isEqualTo(RaceOracle.policyName(op.name()));
        } else if (e instanceof PolicyDetached detached) {
            assertThat(detached.policy())
                    .as(() -> "policy of " + what.get())
                    .isEqualTo(RaceOracle.policyName(op.name()));
        } else if (e instanceof ThingAttached attached) {
            assertThat(attached.thing()).as(() -> "thing of " + what.get()).isEqualTo(RaceOracle.thingName(op.name()));
        } else if (e instanceof ThingDetached detached) {
            assertThat(detached.thing()).as(() -> "thing of " + what.get()).isEqualTo(RaceOracle.thingName(op.name()));
        }
    }

    private static List<Boolean> existence(RaceCall call, List<RaceCall> calls, boolean policy) {
        boolean toggled = calls.exists(other -> !other.caller().equals(call.caller())
                && other.changedRegistry(call.actor(), call.op().name(), policy)
                && other.overlaps(call));
        if (toggled) {
            return List.of(false, true);
        }
        return policy
                ? List.of(call.before().policy(), call.after().policy()).distinct()
                : List.of(call.before().thing(), call.after().thing()).distinct();
    }

    /** Whether the caller's policy (or thing) was attached to either certificate, at some moment of the window. */
    private List<Boolean> attachedAnywhere(boolean policy) {
        var perCertificate = List.range(0, AttachmentRaceCheck.CERTIFICATES)
                .map(j -> List.rangeClosed(
                                call.versionsBefore().get(j),
                                call.versionsAfter().get(j))
                        .map(k -> RaceOracle.attachedTo(
                                states.get(j).get(k.intValue()),
                                call.actor(),
                                call.op().name(),
                                policy))
                        .distinct());
        return perCertificate
                .get(0)
                .flatMap(first -> perCertificate.get(1).map(second -> first || second))
                .distinct();
    }
}
