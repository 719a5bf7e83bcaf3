package dev.certificatetransfer.adapter.http;

import dev.certificatetransfer.adapter.http.OperationCalls.Input;
import dev.certificatetransfer.domain.CertificateArn;
import dev.certificatetransfer.domain.PolicyName;
import dev.certificatetransfer.domain.Refusal;
import dev.certificatetransfer.domain.ThingName;
import dev.certificatetransfer.port.in.CertificateTransferUseCases;
import dev.certificatetransfer.port.in.NameMarker;
import dev.certificatetransfer.port.in.NamePageRequest;
import dev.certificatetransfer.port.in.PageSize;
import io.vavr.control.Either;

/**
 * The attachment calls of {@link OperationCalls}: attach and detach a policy or a thing, and the four listings of
 * attachments (docs/behaviour.md#17-things-policies-and-attachments). A certificate is named by its ARN: in the body
 * ({@code target}), in the path (ListAttachedPolicies, percent-encoded), or in the {@code x-amzn-principal} header.
 */
final class AttachmentCalls {

    /** The header in which the thing calls name a certificate's ARN. */
    static final String PRINCIPAL = "x-amzn-principal";

    private final CertificateTransferUseCases service;

    AttachmentCalls(CertificateTransferUseCases service) {
        this.service = service;
    }

    Either<Refusal, Output> attachPolicy(Input in) {
        return in.label(PolicyName::parse)
                .flatMap(policy -> target(in).flatMap(target -> service.attachPolicy(in.caller(), policy, target)))
                .map(Output.Changed::new);
    }

    Either<Refusal, Output> detachPolicy(Input in) {
        return in.label(PolicyName::parse)
                .flatMap(policy -> target(in).flatMap(target -> service.detachPolicy(in.caller(), policy, target)))
                .map(Output.Changed::new);
    }

    /** The target's ARN is the path's label; {@code recursive} must be a boolean, and changes nothing here. */
    Either<Refusal, Output> listAttachedPolicies(Input in) {
        return in.label(CertificateArn::parse)
                .flatMap(target -> in.query()
                        .flag("recursive")
                        .flatMap(recursive -> page(in.query(), "pageSize", "marker"))
                        .flatMap(page -> service.listAttachedPolicies(in.caller(), target, page)))
                .map(Output.AttachedPolicies::new);
    }

    Either<Refusal, Output> listTargetsForPolicy(Input in) {
        return in.label(PolicyName::parse)
                .flatMap(policy -> page(in.query(), "pageSize", "marker")
                        .flatMap(page -> service.listTargetsForPolicy(in.caller(), policy, page)))
                .map(Output.PolicyTargets::new);
    }

    Either<Refusal, Output> attachThingPrincipal(Input in) {
        return in.label(ThingName::parse)
                .flatMap(thing ->
                        principal(in).flatMap(principal -> service.attachThingPrincipal(in.caller(), thing, principal)))
                .map(Output.Changed::new);
    }

    Either<Refusal, Output> detachThingPrincipal(Input in) {
        return in.label(ThingName::parse)
                .flatMap(thing ->
                        principal(in).flatMap(principal -> service.detachThingPrincipal(in.caller(), thing, principal)))
                .map(Output.Changed::new);
    }

    Either<Refusal, Output> listPrincipalThings(Input in) {
        return principal(in)
                .flatMap(principal -> page(in.query(), "maxResults", "nextToken")
                        .flatMap(page -> service.listPrincipalThings(in.caller(), principal, page)))
                .map(Output.PrincipalThings::new);
    }

    Either<Refusal, Output> listThingPrincipals(Input in) {
        return in.label(ThingName::parse)
                .flatMap(thing -> page(in.query(), "maxResults", "nextToken")
                        .flatMap(page -> service.listThingPrincipals(in.caller(), thing, page)))
                .map(Output.ThingPrincipals::new);
    }

    /** AttachPolicy's and DetachPolicy's {@code target}: a certificate's ARN, required. */
    private static Either<Refusal, CertificateArn> target(Input in) {
        return in.body().requiredString("target").flatMap(CertificateArn::parse);
    }

    private static Either<Refusal, CertificateArn> principal(Input in) {
        return in.requiredHeader(PRINCIPAL).flatMap(CertificateArn::parse);
    }

    /**
     * A page of a registry listing, its size and marker under the operation's own query names ({@code pageSize}
     * and {@code marker}, or {@code maxResults} and {@code nextToken}), which the refusals name.
     */
    private static Either<Refusal, NamePageRequest> page(QueryParameters query, String sizeName, String markerName) {
        return query.optional(sizeName)
                .flatMap(size -> size.isEmpty()
                        ? Either.right(PageSize.DEFAULT)
                        : PageSize.parse(size.get())
                                .mapLeft(invalid -> new Refusal.InvalidRequest(
                                        sizeName + " must be between 1 and " + PageSize.MAX)))
                .flatMap(size -> query.optional(markerName)
                        .flatMap(marker -> OperationCalls.optional(marker, NameMarker::parse)
                                .mapLeft(invalid -> (Refusal) new Refusal.InvalidRequest(
                                        markerName + " is not a marker this service issued")))
                        .map(marker -> new NamePageRequest(size, marker)));
    }
}
