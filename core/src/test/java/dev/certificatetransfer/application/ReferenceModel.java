package dev.certificatetransfer.application;

import static dev.certificatetransfer.domain.RejectionCode.ALREADY_EXISTS;
import static dev.certificatetransfer.domain.RejectionCode.CERTIFICATE_STATE;
import static dev.certificatetransfer.domain.RejectionCode.INVALID_REQUEST;
import static dev.certificatetransfer.domain.RejectionCode.NOT_FOUND;
import static dev.certificatetransfer.domain.RejectionCode.TRANSFER_ALREADY_COMPLETED;
import static dev.certificatetransfer.domain.RejectionCode.UNAUTHORIZED;

import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.CertificateStatus;
import dev.certificatetransfer.domain.RejectionCode;
import dev.certificatetransfer.domain.TransferStatus;
import io.vavr.collection.HashMap;
import io.vavr.collection.Map;
import io.vavr.control.Either;
import io.vavr.control.Option;

/**
 * The spec's rules written as plainly as possible, on a tiny immutable state: the oracle the stateful property
 * test checks the real service against after every step.
 */
record ReferenceModel(Map<Integer, Cert> certificates) {

    static final ReferenceModel EMPTY = new ReferenceModel(HashMap.empty());

    /** What the model keeps of a certificate: owner, status, and its last transfer. */
    record Cert(AccountId owner, CertificateStatus status, TransferStatus lastOutcome, AccountId source,
            AccountId target, long customerVersion) {

        boolean visibleTo(AccountId a) {
            return owner.equals(a) || (status == CertificateStatus.PENDING_TRANSFER && target.equals(a));
        }

        boolean partyOf(AccountId a) {
            return visibleTo(a) || (lastOutcome != null && (source.equals(a) || target.equals(a)));
        }

        Cert with(AccountId newOwner, CertificateStatus newStatus, TransferStatus outcome, AccountId src, AccountId tgt) {
            return new Cert(newOwner, newStatus, outcome, src, tgt, customerVersion + 1);
        }
    }

    /** The model's answer to one step: a rejection code, or the next model. */
    Either<RejectionCode, ReferenceModel> step(Step s) {
        var current = certificates.get(s.certificate());
        return switch (s.kind()) {
            case REGISTER -> !s.status().isRequestable() ? Either.left(INVALID_REQUEST)
                    : current.isDefined() ? Either.left(ALREADY_EXISTS)
                    : put(s, new Cert(s.actor(), s.status(), null, null, null, 1));
            case TRANSFER -> visible(current, s).flatMap(c -> !c.owner().equals(s.actor()) ? Either.left(UNAUTHORIZED)
                    : c.owner().equals(s.target()) ? Either.left(INVALID_REQUEST)
                    : c.status() != CertificateStatus.INACTIVE && c.status() != CertificateStatus.REGISTER_INACTIVE
                            ? Either.left(CERTIFICATE_STATE)
                            : put(s, c.with(c.owner(), CertificateStatus.PENDING_TRANSFER, TransferStatus.PENDING,
                                    c.owner(), s.target())));
            case ACCEPT -> pending(current, s).flatMap(c -> !c.target().equals(s.actor()) ? Either.left(UNAUTHORIZED)
                    : put(s, c.with(c.target(), s.flag() ? CertificateStatus.ACTIVE : CertificateStatus.INACTIVE,
                            TransferStatus.ACCEPTED, c.source(), c.target())));
            case REJECT -> pending(current, s).flatMap(c -> !c.target().equals(s.actor()) ? Either.left(UNAUTHORIZED)
                    : put(s, c.with(c.owner(), CertificateStatus.INACTIVE, TransferStatus.REJECTED, c.source(), c.target())));
            case CANCEL -> pending(current, s).flatMap(c -> !c.source().equals(s.actor()) ? Either.left(UNAUTHORIZED)
                    : put(s, c.with(c.owner(), CertificateStatus.INACTIVE, TransferStatus.CANCELLED, c.source(), c.target())));
            case UPDATE -> !s.status().isRequestable() ? Either.left(INVALID_REQUEST)
                    : visible(current, s).flatMap(c -> !c.owner().equals(s.actor()) ? Either.left(UNAUTHORIZED)
                    : c.status() == CertificateStatus.PENDING_TRANSFER ? Either.left(CERTIFICATE_STATE)
                    : c.status() == CertificateStatus.REVOKED && s.status() != CertificateStatus.REVOKED
                            ? Either.left(CERTIFICATE_STATE)
                    : c.status() == s.status() ? Either.right(this)
                    : put(s, c.with(c.owner(), s.status(), c.lastOutcome(), c.source(), c.target())));
            case DELETE -> visible(current, s).flatMap(c -> !c.owner().equals(s.actor()) ? Either.left(UNAUTHORIZED)
                    : c.status() == CertificateStatus.ACTIVE || c.status() == CertificateStatus.PENDING_TRANSFER
                            ? Either.left(CERTIFICATE_STATE)
                            : Either.right(new ReferenceModel(certificates.remove(s.certificate()))));
            case DESCRIBE -> visible(current, s).map(c -> this);
            case LIST -> Either.right(this);
        };
    }

    private Either<RejectionCode, Cert> visible(Option<Cert> current, Step s) {
        return current.filter(c -> c.visibleTo(s.actor())).toEither(NOT_FOUND);
    }

    private Either<RejectionCode, Cert> pending(Option<Cert> current, Step s) {
        return current.filter(c -> c.partyOf(s.actor())).toEither(NOT_FOUND)
                .flatMap(c -> c.status() == CertificateStatus.PENDING_TRANSFER ? Either.right(c)
                        : Either.left(c.lastOutcome() == null ? INVALID_REQUEST : TRANSFER_ALREADY_COMPLETED));
    }

    private Either<RejectionCode, ReferenceModel> put(Step s, Cert next) {
        return Either.right(new ReferenceModel(certificates.put(s.certificate(), next)));
    }

    /** Who acts, relative to a certificate's current state, so that random moves hit the interesting rows. */
    enum Role { OWNER, COUNTERPART, THIRD }

    /** The accounts standing in each {@link Role} for certificate {@code index} in this model. */
    AccountId account(int index, Role role) {
        var c = certificates.get(index);
        AccountId owner = c.map(Cert::owner).getOrElse(ALL.get(0));
        AccountId counterpart = c.filter(m -> m.lastOutcome() != null)
                .map(m -> m.owner().equals(m.source()) ? m.target() : m.source())
                .getOrElse(() -> ALL.get((ALL.indexOf(owner) + 1) % ALL.size()));
        return switch (role) {
            case OWNER -> owner;
            case COUNTERPART -> counterpart;
            case THIRD -> ALL.stream().filter(a -> !a.equals(owner) && !a.equals(counterpart)).findFirst().get();
        };
    }

    private static final java.util.List<AccountId> ALL = dev.certificatetransfer.testing.Accounts.ALL;

    /** One generated move: an operation by a role on a certificate, resolved against the model when it runs. */
    record Move(Kind kind, Role actor, int certificate, Role target, boolean flag, CertificateStatus status) {
        Step resolve(ReferenceModel model) {
            return new Step(kind, model.account(certificate, actor), certificate, model.account(certificate, target),
                    flag, status);
        }
    }

    /** One resolved call: which account does what to which certificate. */
    record Step(Kind kind, AccountId actor, int certificate, AccountId target, boolean flag, CertificateStatus status) {
        @Override
        public String toString() {
            return kind + "(by " + actor.value().charAt(0) + ", cert " + certificate + ", target "
                    + target.value().charAt(0) + ", flag " + flag + ", " + status + ")";
        }
    }

    /** The operations a step can be. */
    enum Kind { REGISTER, TRANSFER, ACCEPT, REJECT, CANCEL, UPDATE, DELETE, DESCRIBE, LIST }
}
