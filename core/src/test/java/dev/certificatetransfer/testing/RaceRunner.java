package dev.certificatetransfer.testing;

import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.domain.CertificateArn;
import dev.certificatetransfer.domain.CertificateStatus;
import dev.certificatetransfer.domain.PolicyDocument;
import dev.certificatetransfer.domain.Principal;
import dev.certificatetransfer.domain.Refusal;
import dev.certificatetransfer.domain.RejectReason;
import dev.certificatetransfer.domain.ThingAttributes;
import dev.certificatetransfer.domain.Transfer;
import dev.certificatetransfer.domain.TransferMessage;
import dev.certificatetransfer.port.in.CertificateTransferUseCases;
import dev.certificatetransfer.port.out.CertificateRepository;
import dev.certificatetransfer.port.out.RegistryRepository;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes the calls of a race on one service, each under a principal name of its own, and records each as a
 * {@link RaceCall}: the accounts are resolved from the stored state just before the call (the owner, or for accept
 * and reject the pending target; or the other account), and the versions and the caller's policy and thing are read
 * just before and just after it. Thread-safe.
 */
final class RaceRunner {

    private static final PolicyDocument DOCUMENT = new PolicyDocument("{\"Version\":\"2012-10-17\"}");

    private final CertificateTransferUseCases service;
    private final CertificateRepository certificates;
    private final RegistryRepository registry;
    private final AtomicLong sequence = new AtomicLong();

    <R extends CertificateRepository & RegistryRepository> RaceRunner(CertificateTransferUseCases service, R storage) {
        this.service = service;
        this.certificates = storage;
        this.registry = storage;
    }

    RaceCall perform(String caller, int thread, RaceOp op) {
        long stampBefore = sequence.incrementAndGet();
        var versionsBefore = versions();
        var actor = actorOf(op);
        var target = other(actor);
        var before = existence(actor, op.name());
        var refusal =
                call(new Principal(actor, caller), op, target).swap().toOption().map(Refusal::code);
        var versionsAfter = versions();
        var after = existence(actor, op.name());
        long stampAfter = sequence.incrementAndGet();
        return new RaceCall(
                caller,
                thread,
                op,
                actor,
                target,
                stampBefore,
                stampAfter,
                versionsBefore,
                versionsAfter,
                before,
                after,
                refusal);
    }

    private Either<Refusal, ?> call(Principal caller, RaceOp op, AccountId target) {
        var id = TestCertificates.id(op.certificate());
        var arn = new CertificateArn(service.region(), caller.account(), id);
        var policy = RaceOracle.policyName(op.name());
        var thing = RaceOracle.thingName(op.name());
        return switch (op.kind()) {
            case REGISTER ->
                service.registerCertificateWithoutCa(
                        caller, TestCertificates.parsed(op.certificate()), CertificateStatus.INACTIVE);
            case TRANSFER -> service.transferCertificate(caller, id, target, Option.<TransferMessage>none());
            case ACCEPT -> service.acceptCertificateTransfer(caller, id, false);
            case REJECT -> service.rejectCertificateTransfer(caller, id, Option.<RejectReason>none());
            case CANCEL -> service.cancelCertificateTransfer(caller, id);
            case DELETE -> service.deleteCertificate(caller, id, op.force());
            case ATTACH_POLICY -> service.attachPolicy(caller, policy, arn);
            case DETACH_POLICY -> service.detachPolicy(caller, policy, arn);
            case ATTACH_THING -> service.attachThingPrincipal(caller, thing, arn);
            case DETACH_THING -> service.detachThingPrincipal(caller, thing, arn);
            case CREATE_POLICY -> service.createPolicy(caller, policy, DOCUMENT);
            case DELETE_POLICY -> service.deletePolicy(caller, policy);
            case CREATE_THING -> service.createThing(caller, thing, ThingAttributes.NONE);
            case DELETE_THING -> service.deleteThing(caller, thing, Option.none());
        };
    }

    /** The account the op is meant for, from the stored state (or the other account). */
    private AccountId actorOf(RaceOp op) {
        var current = certificates.find(TestCertificates.id(op.certificate())).certificate();
        var owner = current.map(Certificate::owner).getOrElse(() -> firstOwner(op.certificate()));
        var meant = switch (op.kind()) {
            case ACCEPT, REJECT ->
                current.flatMap(Certificate::pendingTransfer)
                        .map(Transfer.Pending::target)
                        .getOrElse(() -> other(owner));
            case REGISTER -> firstOwner(op.certificate());
            default -> owner;
        };
        return op.meant() ? meant : other(meant);
    }

    private List<Long> versions() {
        return List.range(0, AttachmentRaceCheck.CERTIFICATES)
                .map(j -> certificates.find(TestCertificates.id(j)).version());
    }

    private RaceCall.Existence existence(AccountId account, int name) {
        return new RaceCall.Existence(
                registry.findPolicy(account, RaceOracle.policyName(name)).isDefined(),
                registry.findThing(account, RaceOracle.thingName(name)).isDefined());
    }

    /** Alice registers certificate 0 and Bob certificate 1. */
    static AccountId firstOwner(int certificate) {
        return AttachmentRaceCheck.ACCOUNTS.get(certificate);
    }

    static AccountId other(AccountId account) {
        return AttachmentRaceCheck.ACCOUNTS.find(a -> !a.equals(account)).get();
    }
}
