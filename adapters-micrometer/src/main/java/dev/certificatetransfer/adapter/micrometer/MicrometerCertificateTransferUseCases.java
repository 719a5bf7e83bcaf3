package dev.certificatetransfer.adapter.micrometer;

import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.domain.CertificateArn;
import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.domain.CertificateStatus;
import dev.certificatetransfer.domain.IotPolicy;
import dev.certificatetransfer.domain.ParsedCertificate;
import dev.certificatetransfer.domain.PolicyArn;
import dev.certificatetransfer.domain.PolicyDocument;
import dev.certificatetransfer.domain.PolicyName;
import dev.certificatetransfer.domain.Principal;
import dev.certificatetransfer.domain.Refusal;
import dev.certificatetransfer.domain.Region;
import dev.certificatetransfer.domain.RejectReason;
import dev.certificatetransfer.domain.Thing;
import dev.certificatetransfer.domain.ThingAttributes;
import dev.certificatetransfer.domain.ThingName;
import dev.certificatetransfer.domain.TransferMessage;
import dev.certificatetransfer.port.in.CertificateTransferUseCases;
import dev.certificatetransfer.port.in.CreateKeysAndCertificateResult;
import dev.certificatetransfer.port.in.NamePage;
import dev.certificatetransfer.port.in.NamePageRequest;
import dev.certificatetransfer.port.in.Page;
import dev.certificatetransfer.port.in.PageRequest;
import dev.certificatetransfer.port.in.RegisterCertificateResult;
import dev.certificatetransfer.port.in.TransferCertificateResult;
import io.micrometer.core.instrument.MeterRegistry;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.util.Objects;

/**
 * The inbound port, counted and timed: every call goes to the service it decorates, and its answer adds one to the
 * counter {@value MeterNames#OPERATIONS} and one sample to the timer {@value MeterNames#OPERATION_DURATION}, both
 * tagged with the operation and the outcome (OK, the refusal's code, or EXCEPTION). Give it to the HTTP adapter (or
 * call it) in place of the service:
 *
 * <pre>{@code
 * var service = CertificateTransferService.builder()
 *         ...
 *         .listener(new MicrometerServiceListener(registry))
 *         .build();
 * CertificateTransferUseCases metered = new MicrometerCertificateTransferUseCases(service, registry);
 * }</pre>
 *
 * <p>Answers exactly what the service answers and adds nothing else to a call; thread-safe when the service is.
 */
public final class MicrometerCertificateTransferUseCases implements CertificateTransferUseCases {

    private final CertificateTransferUseCases service;
    private final OperationMeters cancel;
    private final OperationMeters transfer;
    private final OperationMeters accept;
    private final OperationMeters reject;
    private final OperationMeters describe;
    private final OperationMeters update;
    private final OperationMeters delete;
    private final OperationMeters list;
    private final OperationMeters listOutgoing;
    private final OperationMeters register;

    private final OperationMeters createKeysAndCertificateMeters;
    private final OperationMeters createCertificateFromCsrMeters;
    private final OperationMeters createThingMeters;
    private final OperationMeters describeThingMeters;
    private final OperationMeters deleteThingMeters;
    private final OperationMeters createPolicyMeters;
    private final OperationMeters getPolicyMeters;
    private final OperationMeters deletePolicyMeters;
    private final OperationMeters attachPolicyMeters;
    private final OperationMeters detachPolicyMeters;
    private final OperationMeters listAttachedPoliciesMeters;
    private final OperationMeters listTargetsForPolicyMeters;
    private final OperationMeters attachThingPrincipalMeters;
    private final OperationMeters detachThingPrincipalMeters;
    private final OperationMeters listPrincipalThingsMeters;
    private final OperationMeters listThingPrincipalsMeters;

    /**
     * Decorates a service.
     *
     * @param service the service every call goes to
     * @param registry where the meters are registered
     */
    public MicrometerCertificateTransferUseCases(CertificateTransferUseCases service, MeterRegistry registry) {
        this.service = Objects.requireNonNull(service, "service");
        Objects.requireNonNull(registry, "registry");
        cancel = new OperationMeters(registry, "CancelCertificateTransfer");
        transfer = new OperationMeters(registry, "TransferCertificate");
        accept = new OperationMeters(registry, "AcceptCertificateTransfer");
        reject = new OperationMeters(registry, "RejectCertificateTransfer");
        describe = new OperationMeters(registry, "DescribeCertificate");
        update = new OperationMeters(registry, "UpdateCertificate");
        delete = new OperationMeters(registry, "DeleteCertificate");
        list = new OperationMeters(registry, "ListCertificates");
        listOutgoing = new OperationMeters(registry, "ListOutgoingCertificates");
        register = new OperationMeters(registry, "RegisterCertificateWithoutCA");
        createKeysAndCertificateMeters = new OperationMeters(registry, "CreateKeysAndCertificate");
        createCertificateFromCsrMeters = new OperationMeters(registry, "CreateCertificateFromCsr");
        createThingMeters = new OperationMeters(registry, "CreateThing");
        describeThingMeters = new OperationMeters(registry, "DescribeThing");
        deleteThingMeters = new OperationMeters(registry, "DeleteThing");
        createPolicyMeters = new OperationMeters(registry, "CreatePolicy");
        getPolicyMeters = new OperationMeters(registry, "GetPolicy");
        deletePolicyMeters = new OperationMeters(registry, "DeletePolicy");
        attachPolicyMeters = new OperationMeters(registry, "AttachPolicy");
        detachPolicyMeters = new OperationMeters(registry, "DetachPolicy");
        listAttachedPoliciesMeters = new OperationMeters(registry, "ListAttachedPolicies");
        listTargetsForPolicyMeters = new OperationMeters(registry, "ListTargetsForPolicy");
        attachThingPrincipalMeters = new OperationMeters(registry, "AttachThingPrincipal");
        detachThingPrincipalMeters = new OperationMeters(registry, "DetachThingPrincipal");
        listPrincipalThingsMeters = new OperationMeters(registry, "ListPrincipalThings");
        listThingPrincipalsMeters = new OperationMeters(registry, "ListThingPrincipals");
    }

    @Override
    public Region region() {
        return service.region();
    }

    @Override
    public Either<Refusal, Certificate> cancelCertificateTransfer(Principal caller, CertificateId id) {
        return cancel.record(() -> service.cancelCertificateTransfer(caller, id));
    }

    @Override
    public Either<Refusal, TransferCertificateResult> transferCertificate(
            Principal caller, CertificateId id, AccountId target, Option<TransferMessage> message) {
        return transfer.record(() -> service.transferCertificate(caller, id, target, message));
    }

    @Override
    public Either<Refusal, TransferCertificateResult> transferCertificate(
            Principal caller, CertificateId id, AccountId target, String message) {
        Objects.requireNonNull(message, "message: a transfer without a message passes Option.none()");
        return transfer.record(() -> service.transferCertificate(caller, id, target, message));
    }

    @Override
    public Either<Refusal, Certificate> acceptCertificateTransfer(
            Principal caller, CertificateId id, boolean setAsActive) {
        return accept.record(() -> service.acceptCertificateTransfer(caller, id, setAsActive));
    }

    @Override
    public Either<Refusal, Certificate> rejectCertificateTransfer(
            Principal caller, CertificateId id, Option<RejectReason> reason) {
        return reject.record(() -> service.rejectCertificateTransfer(caller, id, reason));
    }

    @Override
    public Either<Refusal, Certificate> rejectCertificateTransfer(Principal caller, CertificateId id, String reason) {
        Objects.requireNonNull(reason, "reason: a rejection without a reason passes Option.none()");
        return reject.record(() -> service.rejectCertificateTransfer(caller, id, reason));
    }

    @Override
    public Either<Refusal, Certificate> describeCertificate(Principal caller, CertificateId id) {
        return describe.record(() -> service.describeCertificate(caller, id));
    }

    @Override
    public Either<Refusal, Certificate> updateCertificate(
            Principal caller, CertificateId id, CertificateStatus newStatus) {
        return update.record(() -> service.updateCertificate(caller, id, newStatus));
    }

    @Override
    public Either<Refusal, CertificateId> deleteCertificate(Principal caller, CertificateId id, boolean forceDelete) {
        return delete.record(() -> service.deleteCertificate(caller, id, forceDelete));
    }

    @Override
    public Either<Refusal, Page<Certificate>> listCertificates(Principal caller, PageRequest request) {
        return list.record(() -> service.listCertificates(caller, request));
    }

    @Override
    public Either<Refusal, Page<Certificate>> listOutgoingCertificates(Principal caller, PageRequest request) {
        return listOutgoing.record(() -> service.listOutgoingCertificates(caller, request));
    }

    @Override
    public Either<Refusal, RegisterCertificateResult> registerCertificateWithoutCa(
            Principal caller, ParsedCertificate certificate, CertificateStatus status) {
        return register.record(() -> service.registerCertificateWithoutCa(caller, certificate, status));
    }

    @Override
    public Either<Refusal, CreateKeysAndCertificateResult> createKeysAndCertificate(
            Principal caller, boolean setAsActive) {
        return createKeysAndCertificateMeters.record(() -> service.createKeysAndCertificate(caller, setAsActive));
    }

    @Override
    public Either<Refusal, RegisterCertificateResult> createCertificateFromCsr(
            Principal caller, String csrPem, boolean setAsActive) {
        return createCertificateFromCsrMeters.record(
                () -> service.createCertificateFromCsr(caller, csrPem, setAsActive));
    }

    @Override
    public Either<Refusal, Thing> createThing(Principal caller, ThingName name, ThingAttributes attributes) {
        return createThingMeters.record(() -> service.createThing(caller, name, attributes));
    }

    @Override
    public Either<Refusal, Thing> describeThing(Principal caller, ThingName name) {
        return describeThingMeters.record(() -> service.describeThing(caller, name));
    }

    @Override
    public Either<Refusal, Thing> deleteThing(Principal caller, ThingName name, Option<Long> expectedVersion) {
        return deleteThingMeters.record(() -> service.deleteThing(caller, name, expectedVersion));
    }

    @Override
    public Either<Refusal, IotPolicy> createPolicy(Principal caller, PolicyName name, PolicyDocument document) {
        return createPolicyMeters.record(() -> service.createPolicy(caller, name, document));
    }

    @Override
    public Either<Refusal, IotPolicy> getPolicy(Principal caller, PolicyName name) {
        return getPolicyMeters.record(() -> service.getPolicy(caller, name));
    }

    @Override
    public Either<Refusal, IotPolicy> deletePolicy(Principal caller, PolicyName name) {
        return deletePolicyMeters.record(() -> service.deletePolicy(caller, name));
    }

    @Override
    public Either<Refusal, Certificate> attachPolicy(Principal caller, PolicyName policy, CertificateArn target) {
        return attachPolicyMeters.record(() -> service.attachPolicy(caller, policy, target));
    }

    @Override
    public Either<Refusal, Certificate> detachPolicy(Principal caller, PolicyName policy, CertificateArn target) {
        return detachPolicyMeters.record(() -> service.detachPolicy(caller, policy, target));
    }

    @Override
    public Either<Refusal, NamePage<PolicyArn>> listAttachedPolicies(
            Principal caller, CertificateArn target, NamePageRequest request) {
        return listAttachedPoliciesMeters.record(() -> service.listAttachedPolicies(caller, target, request));
    }

    @Override
    public Either<Refusal, NamePage<CertificateArn>> listTargetsForPolicy(
            Principal caller, PolicyName policy, NamePageRequest request) {
        return listTargetsForPolicyMeters.record(() -> service.listTargetsForPolicy(caller, policy, request));
    }

    @Override
    public Either<Refusal, Certificate> attachThingPrincipal(
            Principal caller, ThingName thing, CertificateArn principal) {
        return attachThingPrincipalMeters.record(() -> service.attachThingPrincipal(caller, thing, principal));
    }

    @Override
    public Either<Refusal, Certificate> detachThingPrincipal(
            Principal caller, ThingName thing, CertificateArn principal) {
        return detachThingPrincipalMeters.record(() -> service.detachThingPrincipal(caller, thing, principal));
    }

    @Override
    public Either<Refusal, NamePage<ThingName>> listPrincipalThings(
            Principal caller, CertificateArn principal, NamePageRequest request) {
        return listPrincipalThingsMeters.record(() -> service.listPrincipalThings(caller, principal, request));
    }

    @Override
    public Either<Refusal, NamePage<CertificateArn>> listThingPrincipals(
            Principal caller, ThingName thing, NamePageRequest request) {
        return listThingPrincipalsMeters.record(() -> service.listThingPrincipals(caller, thing, request));
    }
}
