package dev.certificatetransfer.application;

import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.domain.IotAction;
import dev.certificatetransfer.domain.Principal;
import dev.certificatetransfer.domain.Rejection;
import dev.certificatetransfer.domain.Visibility;
import dev.certificatetransfer.port.CertificateRepository;
import io.vavr.control.Either;
import io.vavr.control.Option;

/** ListCertificates: the caller's certificates and those pending transfer to it, newest first unless ascending. */
final class ListCertificates {

    private final Guard guard;
    private final CertificateRepository repository;
    private final Views views;

    ListCertificates(Guard guard, CertificateRepository repository, Views views) {
        this.guard = guard;
        this.repository = repository;
        this.views = views;
    }

    /** Rules and rejections: {@link CertificateTransfers}. */
    Either<Rejection, Page<Certificate>> list(Principal caller, PageRequest request) {
        return guard.authorize(caller, IotAction.LIST_CERTIFICATES)
                .map(allowed -> {
                    var seen = views.seenNow();
                    return Listing.page(request, query -> repository.listVisibleTo(caller.account(), query),
                            found -> Option.of(seen.apply(found))
                                    .filter(c -> Visibility.isVisibleTo(c, caller.account())));
                });
    }
}
