package dev.certificatetransfer.application;

import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.domain.IotAction;
import dev.certificatetransfer.domain.Principal;
import dev.certificatetransfer.domain.Refusal;
import dev.certificatetransfer.port.in.CertificateTransferUseCases;
import dev.certificatetransfer.port.in.Page;
import dev.certificatetransfer.port.in.PageRequest;
import dev.certificatetransfer.port.out.CertificateRepository;
import io.vavr.control.Either;
import io.vavr.control.Option;

/** ListOutgoingCertificates: the caller's certificates that are pending transfer to another account. */
final class ListOutgoingCertificates {

    private final AuthorizationCheck authorization;
    private final CertificateRepository repository;
    private final ExpiryView expiryView;

    ListOutgoingCertificates(
            AuthorizationCheck authorization, CertificateRepository repository, ExpiryView expiryView) {
        this.authorization = authorization;
        this.repository = repository;
        this.expiryView = expiryView;
    }

    /** Rules and refusals: {@link CertificateTransferUseCases}. */
    Either<Refusal, Page<Certificate>> list(Principal caller, PageRequest request) {
        return authorization
                .authorize(caller, IotAction.LIST_OUTGOING_CERTIFICATES)
                .map(allowed -> {
                    var seen = expiryView.seenNow();
                    return KeysetPages.page(
                            request,
                            query -> repository.listOutgoing(caller.account(), query),
                            found -> Option.of(seen.apply(found))
                                    .filter(c -> c.pendingTransfer().isDefined()));
                });
    }
}
