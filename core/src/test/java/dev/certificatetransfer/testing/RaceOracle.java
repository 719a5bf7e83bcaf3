package dev.certificatetransfer.testing;

import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.domain.CertificateAttachments;
import dev.certificatetransfer.domain.CertificateEvent.EventType;
import dev.certificatetransfer.domain.CertificateStatus;
import dev.certificatetransfer.domain.PolicyName;
import dev.certificatetransfer.domain.RefusalCode;
import dev.certificatetransfer.domain.ThingName;
import dev.certificatetransfer.domain.Transfer;
import io.vavr.control.Option;

/**
 * The answer a race's call gets when it runs alone on a given state: the rules of docs/behaviour.md (sections 4, 5
 * and 17) for the calls a race makes, written as plainly as possible and independently of the service. The state is
 * the certificate, whether the caller's policy and thing exist, and (for DeletePolicy and DeleteThing) whether they
 * are attached to any certificate.
 */
final class RaceOracle {

    /** A refusal, or a success that records one event of a type, or a success that records none. */
    record Answer(Option<RefusalCode> refusal, Option<EventType> event) {
        static final Answer UNCHANGED = new Answer(Option.none(), Option.none());

        static Answer refused(RefusalCode code) {
            return new Answer(Option.some(code), Option.none());
        }

        static Answer changed(EventType type) {
            return new Answer(Option.none(), Option.some(type));
        }

        @Override
        public String toString() {
            return refusal.map(Enum::name)
                    .getOrElse(() -> "ok" + event.map(e -> " " + e).getOrElse(""));
        }
    }

    private RaceOracle() {}

    static Answer answer(
            RaceCall call,
            Option<Certificate> current,
            boolean policyExists,
            boolean thingExists,
            boolean attachedAnywhere) {
        var op = call.op();
        var actor = call.actor();
        return switch (op.kind()) {
            case REGISTER ->
                current.isDefined() ? refused(RefusalCode.ALREADY_EXISTS) : changed(EventType.CERTIFICATE_REGISTERED);
            case TRANSFER -> transfer(current, actor, call.target());
            case ACCEPT, REJECT, CANCEL -> settle(current, actor, op.kind());
            case DELETE -> delete(current, actor, op.force());
            case ATTACH_POLICY, DETACH_POLICY ->
                !policyExists ? refused(RefusalCode.NOT_FOUND) : attachment(current, actor, op, true);
            case ATTACH_THING, DETACH_THING ->
                !thingExists ? refused(RefusalCode.NOT_FOUND) : attachment(current, actor, op, false);
            case CREATE_POLICY -> policyExists ? refused(RefusalCode.ALREADY_EXISTS) : Answer.UNCHANGED;
            case DELETE_POLICY ->
                !policyExists
                        ? refused(RefusalCode.NOT_FOUND)
                        : attachedAnywhere ? refused(RefusalCode.DELETE_CONFLICT) : Answer.UNCHANGED;
            case CREATE_THING -> Answer.UNCHANGED; // always without attributes, so an existing one is the answer
            case DELETE_THING ->
                !thingExists
                        ? refused(RefusalCode.NOT_FOUND)
                        : attachedAnywhere ? refused(RefusalCode.INVALID_REQUEST) : Answer.UNCHANGED;
        };
    }

    /** Whether the account's policy (or thing) of that name is attached to the certificate. */
    static boolean attachedTo(Option<Certificate> current, AccountId account, int name, boolean policy) {
        return current.exists(c -> c.owner().equals(account)
                && (policy
                        ? c.attachments().policies().contains(policyName(name))
                        : c.attachments().things().contains(thingName(name))));
    }

    static PolicyName policyName(int name) {
        return new PolicyName("policy-" + name);
    }

    static ThingName thingName(int name) {
        return new ThingName("thing-" + name);
    }

    private static Answer transfer(Option<Certificate> current, AccountId actor, AccountId target) {
        if (!visible(current, actor)) {
            return refused(RefusalCode.NOT_FOUND);
        }
        var c = current.get();
        if (!c.owner().equals(actor)) {
            return refused(RefusalCode.UNAUTHORIZED);
        }
        if (c.owner().equals(target)) {
            return refused(RefusalCode.INVALID_REQUEST);
        }
        if (c.status() != CertificateStatus.INACTIVE && c.status() != CertificateStatus.REGISTER_INACTIVE) {
            return refused(RefusalCode.CERTIFICATE_STATE);
        }
        return c.attachments().isEmpty()
                ? changed(EventType.TRANSFER_REQUESTED)
                : refused(RefusalCode.TRANSFER_CONFLICT);
    }

    /** Accept, reject and cancel: section 5 when nothing is pending, then the role. */
    private static Answer settle(Option<Certificate> current, AccountId actor, RaceOp.Kind kind) {
        boolean party =
                visible(current, actor) || current.exists(c -> c.lastTransfer().exists(t -> t.involves(actor)));
        if (!party) {
            return refused(RefusalCode.NOT_FOUND);
        }
        var c = current.get();
        if (c.pendingTransfer().isEmpty()) {
            return refused(
                    c.lastTransfer().isEmpty() ? RefusalCode.INVALID_REQUEST : RefusalCode.TRANSFER_ALREADY_COMPLETED);
        }
        Transfer.Pending pending = c.pendingTransfer().get();
        return switch (kind) {
            case ACCEPT ->
                pending.target().equals(actor)
                        ? changed(EventType.TRANSFER_ACCEPTED)
                        : refused(RefusalCode.UNAUTHORIZED);
            case REJECT ->
                pending.target().equals(actor)
                        ? changed(EventType.TRANSFER_REJECTED)
                        : refused(RefusalCode.UNAUTHORIZED);
            default ->
                pending.source().equals(actor)
                        ? changed(EventType.TRANSFER_CANCELLED)
                        : refused(RefusalCode.UNAUTHORIZED);
        };
    }

    private static Answer delete(Option<Certificate> current, AccountId actor, boolean force) {
        if (!visible(current, actor)) {
            return refused(RefusalCode.NOT_FOUND);
        }
        var c = current.get();
        if (!c.owner().equals(actor)) {
            return refused(RefusalCode.UNAUTHORIZED);
        }
        if (c.status() == CertificateStatus.ACTIVE || c.status() == CertificateStatus.PENDING_TRANSFER) {
            return refused(RefusalCode.CERTIFICATE_STATE);
        }
        if (!c.attachments().things().isEmpty() || (!c.attachments().policies().isEmpty() && !force)) {
            return refused(RefusalCode.DELETE_CONFLICT);
        }
        return changed(EventType.CERTIFICATE_DELETED);
    }

    /** Attach and detach, once the policy or thing is found: the certificate must be the caller's. */
    private static Answer attachment(Option<Certificate> current, AccountId actor, RaceOp op, boolean policy) {
        if (current.isEmpty() || !current.get().owner().equals(actor)) {
            return refused(RefusalCode.NOT_FOUND);
        }
        var c = current.get();
        boolean attach = op.kind() == RaceOp.Kind.ATTACH_POLICY || op.kind() == RaceOp.Kind.ATTACH_THING;
        if (attach && c.status() == CertificateStatus.PENDING_TRANSFER) {
            return refused(RefusalCode.INVALID_REQUEST);
        }
        boolean attached = attachedTo(current, actor, op.name(), policy);
        if (attached == attach) {
            return Answer.UNCHANGED;
        }
        int count = policy
                ? c.attachments().policies().size()
                : c.attachments().things().size();
        if (attach && count >= (policy ? CertificateAttachments.MAX_POLICIES : CertificateAttachments.MAX_THINGS)) {
            return refused(RefusalCode.LIMIT_EXCEEDED);
        }
        return changed(
                policy
                        ? attach ? EventType.POLICY_ATTACHED : EventType.POLICY_DETACHED
                        : attach ? EventType.THING_ATTACHED : EventType.THING_DETACHED);
    }

    private static boolean visible(Option<Certificate> current, AccountId actor) {
        return current.exists(c -> c.owner().equals(actor)
                || c.pendingTransfer().exists(p -> p.target().equals(actor)));
    }

    private static Answer refused(RefusalCode code) {
        return Answer.refused(code);
    }

    private static Answer changed(EventType type) {
        return Answer.changed(type);
    }
}
