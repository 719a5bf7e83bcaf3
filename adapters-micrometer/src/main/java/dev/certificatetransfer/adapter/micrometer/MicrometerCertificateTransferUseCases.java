package dev.certificatetransfer.adapter.micrometer;

import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.domain.CertificateStatus;
import dev.certificatetransfer.domain.ParsedCertificate;
import dev.certificatetransfer.domain.Principal;
import dev.certificatetransfer.domain.Refusal;
import dev.certificatetransfer.domain.Region;
import dev.certificatetransfer.domain.RejectReason;
import dev.certificatetransfer.domain.TransferMessage;
import dev.certificatetransfer.port.in.CertificateTransferUseCases;
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
}
