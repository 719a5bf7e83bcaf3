package dev.certificatetransfer.adapter.http;

import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.domain.CertificatePem;
import dev.certificatetransfer.domain.CertificateStatus;
import dev.certificatetransfer.domain.Principal;
import dev.certificatetransfer.domain.Refusal;
import dev.certificatetransfer.domain.RejectReason;
import dev.certificatetransfer.domain.TransferMessage;
import dev.certificatetransfer.port.in.CertificateTransferUseCases;
import dev.certificatetransfer.port.in.PageMarker;
import dev.certificatetransfer.port.in.PageRequest;
import dev.certificatetransfer.port.in.PageSize;
import dev.certificatetransfer.port.in.SortOrder;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.util.Objects;

/**
 * Turns one routed request into a call of the inbound port: each operation parses its path label, query
 * parameters and body members with the core's typed {@code parse} methods (so bad input is the core's own
 * INVALID_REQUEST or CERTIFICATE_VALIDATION refusal), then calls the service. The AWS dialect reads an account only
 * in AWS's form, 12 digits (docs/behaviour.md#13-on-the-wire); the envelope takes every account id the core takes.
 */
final class OperationCalls {

    private final CertificateTransferUseCases service;
    private final Dialect dialect;

    OperationCalls(CertificateTransferUseCases service, Dialect dialect) {
        this.service = Objects.requireNonNull(service, "service");
        this.dialect = Objects.requireNonNull(dialect, "dialect");
    }

    /** The input of one request, already routed, its query split and its body read. */
    record Input(Principal caller, Option<String> label, QueryParameters query, RequestBody body) {}

    Either<Refusal, Output> call(Operation operation, Input in) {
        return switch (operation) {
            case TRANSFER_CERTIFICATE -> transfer(in);
            case ACCEPT_CERTIFICATE_TRANSFER ->
                id(in).flatMap(id -> in.query
                        .flag("setAsActive")
                        .flatMap(active -> service.acceptCertificateTransfer(in.caller, id, active))
                        .map(Output.Changed::new));
            case REJECT_CERTIFICATE_TRANSFER -> reject(in);
            case CANCEL_CERTIFICATE_TRANSFER ->
                id(in).flatMap(id -> service.cancelCertificateTransfer(in.caller, id))
                        .map(Output.Changed::new);
            case DESCRIBE_CERTIFICATE ->
                id(in).flatMap(id -> service.describeCertificate(in.caller, id)).map(Output.Described::new);
            case UPDATE_CERTIFICATE ->
                id(in).flatMap(id -> in.query
                        .required("newStatus")
                        .flatMap(CertificateStatus::parse)
                        .flatMap(status -> service.updateCertificate(in.caller, id, status))
                        .map(Output.Changed::new));
            case DELETE_CERTIFICATE ->
                id(in).flatMap(id -> in.query
                        .flag("forceDelete")
                        .flatMap(force -> service.deleteCertificate(in.caller, id, force))
                        .map(Output.Deleted::new));
            case LIST_CERTIFICATES ->
                page(in.query)
                        .flatMap(page -> service.listCertificates(in.caller, page))
                        .map(p -> new Output.Listed(p, false));
            case LIST_OUTGOING_CERTIFICATES ->
                page(in.query)
                        .flatMap(page -> service.listOutgoingCertificates(in.caller, page))
                        .map(p -> new Output.Listed(p, true));
            case REGISTER_CERTIFICATE_WITHOUT_CA -> register(in);
        };
    }

    /** The certificate id of the path; every operation that calls this has the label in its path. */
    private static Either<Refusal, CertificateId> id(Input in) {
        return in.label
                .toEither(() -> (Refusal) new Refusal.InvalidRequest("The path has no certificate id"))
                .flatMap(CertificateId::parse);
    }

    private Either<Refusal, Output> transfer(Input in) {
        return id(in).flatMap(id -> in.query
                        .required("targetAwsAccount")
                        .flatMap(this::account)
                        .flatMap(target -> in.body
                                .string("transferMessage")
                                .flatMap(text -> optional(text, TransferMessage::parse))
                                .flatMap(message -> service.transferCertificate(in.caller, id, target, message))))
                .map(Output.TransferRequested::new);
    }

    /** An account of the request: in the AWS dialect only 12 digits, as AWS writes account ids. */
    private Either<Refusal, AccountId> account(String raw) {
        return AccountId.parse(raw)
                .filterOrElse(
                        account -> dialect != Dialect.AWS || account.isAwsAccountId(),
                        account -> new Refusal.InvalidRequest("Invalid account id: expected 12 digits"));
    }

    private Either<Refusal, Output> reject(Input in) {
        return id(in).flatMap(id -> in.body
                        .string("rejectReason")
                        .flatMap(text -> optional(text, RejectReason::parse))
                        .flatMap(reason -> service.rejectCertificateTransfer(in.caller, id, reason)))
                .map(Output.Changed::new);
    }

    /**
     * The PEM is parsed first (a missing one is CERTIFICATE_VALIDATION, as the core says); status defaults to INACTIVE.
     */
    private Either<Refusal, Output> register(Input in) {
        return in.body
                .string("certificatePem")
                .flatMap(pem -> CertificatePem.parse(pem.getOrNull()))
                .flatMap(certificate -> in.body
                        .string("status")
                        .flatMap(status -> status.isEmpty()
                                ? Either.right(CertificateStatus.INACTIVE)
                                : CertificateStatus.parse(status.get()))
                        .flatMap(status -> service.registerCertificateWithoutCa(in.caller, certificate, status)))
                .map(Output.RegisteredCertificate::new);
    }

    private static Either<Refusal, PageRequest> page(QueryParameters query) {
        return query.optional("pageSize")
                .flatMap(size -> size.isEmpty() ? Either.right(PageSize.DEFAULT) : PageSize.parse(size.get()))
                .flatMap(size -> query.optional("marker")
                        .flatMap(marker -> optional(marker, PageMarker::parse))
                        .flatMap(marker -> query.flag("isAscendingOrder")
                                .map(ascending -> new PageRequest(
                                        size, marker, ascending ? SortOrder.ASCENDING : SortOrder.DESCENDING))));
    }

    private static <T> Either<Refusal, Option<T>> optional(
            Option<String> text, java.util.function.Function<String, Either<Refusal, T>> parse) {
        return text.isEmpty()
                ? Either.right(Option.none())
                : parse.apply(text.get()).map(Option::some);
    }
}
