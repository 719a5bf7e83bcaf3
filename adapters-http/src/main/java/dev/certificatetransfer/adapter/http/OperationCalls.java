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

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Turns one routed request into a call of the inbound port: each operation parses its path label, query
 * parameters and body members with the core's typed {@code parse} methods (so bad input is the core's own
 * INVALID_REQUEST or CERTIFICATE_VALIDATION refusal), then calls the service. The AWS dialect reads an account only
 * in AWS's form, 12 digits (docs/behaviour.md#13-on-the-wire); the envelope takes every account id the core takes.
 */
final class OperationCalls {

    private final CertificateTransferUseCases service;
    private final Dialect dialect;
    private final RegistryCalls registry;
    private final AttachmentCalls attachments;

    OperationCalls(CertificateTransferUseCases service, Dialect dialect) {
        this.service = Objects.requireNonNull(service, "service");
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.registry = new RegistryCalls(service);
        this.attachments = new AttachmentCalls(service);
    }

    /**
     * The input of one request, already routed, its query split and its body read; {@code headers} by lower-cased
     * name, as {@link dev.certificatetransfer.adapter.http.message.HttpRequest#headers()} holds them.
     */
    record Input(
            Principal caller,
            Option<String> label,
            QueryParameters query,
            RequestBody body,
            Map<String, List<String>> headers) {

        /** The path label parsed as a typed value; every operation that asks has a label in its path. */
        <T> Either<Refusal, T> label(Function<String, Either<Refusal, T>> parse) {
            return label.toEither(() -> (Refusal) new Refusal.InvalidRequest("The path has no label"))
                    .flatMap(parse);
        }

        /** A header that must be sent exactly once, such as {@code x-amzn-principal}. */
        Either<Refusal, String> requiredHeader(String name) {
            var values = headers.getOrDefault(name, List.of());
            return values.size() == 1
                    ? Either.right(values.get(0))
                    : Either.left(new Refusal.InvalidRequest("The header " + name + " is required, once"));
        }
    }

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
            case CREATE_KEYS_AND_CERTIFICATE ->
                in.query
                        .flag("setAsActive")
                        .flatMap(active -> service.createKeysAndCertificate(in.caller, active))
                        .map(Output.KeysAndCertificateCreated::new);
            case CREATE_CERTIFICATE_FROM_CSR -> fromCsr(in);
            case CREATE_THING -> registry.createThing(in);
            case DESCRIBE_THING -> registry.describeThing(in);
            case DELETE_THING -> registry.deleteThing(in);
            case CREATE_POLICY -> registry.createPolicy(in);
            case GET_POLICY -> registry.getPolicy(in);
            case DELETE_POLICY -> registry.deletePolicy(in);
            case ATTACH_POLICY -> attachments.attachPolicy(in);
            case DETACH_POLICY -> attachments.detachPolicy(in);
            case LIST_ATTACHED_POLICIES -> attachments.listAttachedPolicies(in);
            case LIST_TARGETS_FOR_POLICY -> attachments.listTargetsForPolicy(in);
            case ATTACH_THING_PRINCIPAL -> attachments.attachThingPrincipal(in);
            case DETACH_THING_PRINCIPAL -> attachments.detachThingPrincipal(in);
            case LIST_PRINCIPAL_THINGS -> attachments.listPrincipalThings(in);
            case LIST_THING_PRINCIPALS -> attachments.listThingPrincipals(in);
        };
    }

    /** The certificate id of the path. */
    private static Either<Refusal, CertificateId> id(Input in) {
        return in.label(CertificateId::parse);
    }

    /** The request is read first (a missing one is an invalid request), then the query, then the CA is asked. */
    private Either<Refusal, Output> fromCsr(Input in) {
        return in.body
                .requiredString("certificateSigningRequest")
                .flatMap(csr -> in.query
                        .flag("setAsActive")
                        .flatMap(active -> service.createCertificateFromCsr(in.caller, csr, active)))
                .map(Output.Issued::new);
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

    /** An optional value: none when the text is absent, else the text parsed. */
    static <T> Either<Refusal, Option<T>> optional(Option<String> text, Function<String, Either<Refusal, T>> parse) {
        return text.isEmpty()
                ? Either.right(Option.none())
                : parse.apply(text.get()).map(Option::some);
    }
}
