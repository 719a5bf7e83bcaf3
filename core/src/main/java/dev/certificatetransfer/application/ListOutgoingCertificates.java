package dev.certificatetransfer.application;

import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.domain.IotAction;
import dev.certificatetransfer.domain.Principal;
import dev.certificatetransfer.domain.Rejection;
import dev.certificatetransfer.port.CertificateRepository;
import io.vavr.control.Either;
import io.vavr.control.Option;

/** ListOutgoingCertificates: the caller's certificates that are pending transfer to another account. */
final class ListOutgoingCertificates {

    private final Guard guard;
    private final CertificateRepository repository;
    private final Views views;

    ListOutgoingCertificates(Guard guard, CertificateRepository repository, Views views) {
        this.guard = guard;
        this.repository = repository;
        this.views = views;
    }

    /** Rules and rejections: {@link CertificateTransfers}. */
    Either<Rejection, Page<Certificate>> list(Principal caller, PageRequest request) {
        return guard.authorize(caller, IotAction.LIST_OUTGOING_CERTIFICATES)
                .map(allowed -> {
                    var seen = views.seenNow();
                    return Listing.page(request, query -> repository.listOutgoing(caller.account(), query),
                            found -> Option.of(seen.apply(found)).filter(c -> c.pendingTransfer().isDefined()));
                });
    }
}
