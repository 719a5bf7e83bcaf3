package dev.certificatetransfer.application;

import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.domain.CertificateStatus;
import dev.certificatetransfer.domain.Principal;
import dev.certificatetransfer.domain.Region;
import dev.certificatetransfer.domain.RejectReason;
import dev.certificatetransfer.domain.Rejection;
import dev.certificatetransfer.domain.TransferMessage;
import dev.certificatetransfer.port.AttachmentQuery;
import dev.certificatetransfer.port.Authorizer;
import dev.certificatetransfer.port.CertificateRepository;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Clock;
import java.util.Objects;

/**
 * The certificate-transfer lifecycle behind one object: every operation of the spec, each carried out by its
 * own use case. Build it with {@link #builder()}; it is thread-safe when its ports are. Each method's
 * preconditions and rejections are those of the use case it names.
 */
public final class CertificateTransferService {

    private final Region region;
    private final CancelCertificateTransfer cancel;
    private final TransferCertificate transfer;
    private final AcceptCertificateTransfer accept;
    private final RejectCertificateTransfer reject;
    private final DescribeCertificate describe;
    private final UpdateCertificate update;
    private final DeleteCertificate delete;
    private final ListCertificates list;
    private final ListOutgoingCertificates listOutgoing;
    private final RegisterCertificateWithoutCa register;

    private CertificateTransferService(Builder b) {
        region = b.region;
        var guard = new Guard(b.authorizer, b.region);
        var changes = new Changes(b.repository, b.clock);
        cancel = new CancelCertificateTransfer(guard, changes);
        transfer = new TransferCertificate(guard, changes, b.attachments, b.region);
        accept = new AcceptCertificateTransfer(guard, changes);
        reject = new RejectCertificateTransfer(guard, changes);
        describe = new DescribeCertificate(guard, b.repository);
        update = new UpdateCertificate(guard, changes);
        delete = new DeleteCertificate(guard, changes, b.attachments);
        list = new ListCertificates(guard, b.repository);
        listOutgoing = new ListOutgoingCertificates(guard, b.repository);
        register = new RegisterCertificateWithoutCa(guard, changes);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The region this deployment serves; it appears in every ARN. */
    public Region region() {
        return region;
    }

    /**
     * Cancels a pending transfer (the source only); rejections UNAUTHORIZED, NOT_FOUND, UNAUTHORIZED (target),
     * TRANSFER_ALREADY_COMPLETED, INVALID_REQUEST: see {@link CancelCertificateTransfer#cancel}.
     */
    public Either<Rejection, Certificate> cancelCertificateTransfer(Principal caller, CertificateId id) {
        return cancel.cancel(caller, id);
    }

    /**
     * Offers a certificate to another account (the owner only); rejections UNAUTHORIZED, NOT_FOUND, UNAUTHORIZED,
     * INVALID_REQUEST, CERTIFICATE_STATE, TRANSFER_CONFLICT: see {@link TransferCertificate#transfer}.
     */
    public Either<Rejection, TransferCertificate.Transferred> transferCertificate(Principal caller, CertificateId id,
            AccountId target, Option<TransferMessage> message) {
        return transfer.transfer(caller, id, target, message);
    }

    /**
     * Accepts a pending transfer (the target only); rejections UNAUTHORIZED, NOT_FOUND, UNAUTHORIZED (owner),
     * TRANSFER_ALREADY_COMPLETED, INVALID_REQUEST: see {@link AcceptCertificateTransfer#accept}.
     */
    public Either<Rejection, Certificate> acceptCertificateTransfer(Principal caller, CertificateId id,
            boolean setAsActive) {
        return accept.accept(caller, id, setAsActive);
    }

    /**
     * Rejects a pending transfer (the target only); rejections UNAUTHORIZED, NOT_FOUND, UNAUTHORIZED (owner),
     * TRANSFER_ALREADY_COMPLETED, INVALID_REQUEST: see {@link RejectCertificateTransfer#reject}.
     */
    public Either<Rejection, Certificate> rejectCertificateTransfer(Principal caller, CertificateId id,
            Option<RejectReason> reason) {
        return reject.reject(caller, id, reason);
    }

    /**
     * Reads a certificate (its owner, or its pending target); rejections UNAUTHORIZED, NOT_FOUND: see
     * {@link DescribeCertificate#describe}.
     */
    public Either<Rejection, Certificate> describeCertificate(Principal caller, CertificateId id) {
        return describe.describe(caller, id);
    }

    /**
     * Sets a certificate's status (the owner only); rejections INVALID_REQUEST, UNAUTHORIZED, NOT_FOUND,
     * UNAUTHORIZED, CERTIFICATE_STATE: see {@link UpdateCertificate#update}.
     */
    public Either<Rejection, Certificate> updateCertificate(Principal caller, CertificateId id,
            CertificateStatus newStatus) {
        return update.update(caller, id, newStatus);
    }

    /**
     * Deletes a certificate (the owner only); rejections UNAUTHORIZED, NOT_FOUND, UNAUTHORIZED,
     * CERTIFICATE_STATE, DELETE_CONFLICT: see {@link DeleteCertificate#delete}.
     */
    public Either<Rejection, CertificateId> deleteCertificate(Principal caller, CertificateId id, boolean forceDelete) {
        return delete.delete(caller, id, forceDelete);
    }

    /**
     * One page of the caller's certificates and those pending transfer to it; rejection UNAUTHORIZED: see
     * {@link ListCertificates#list}.
     */
    public Either<Rejection, Page<Certificate>> listCertificates(Principal caller, PageRequest request) {
        return list.list(caller, request);
    }

    /**
     * One page of the caller's certificates pending transfer; rejection UNAUTHORIZED: see
     * {@link ListOutgoingCertificates#list}.
     */
    public Either<Rejection, Page<Certificate>> listOutgoingCertificates(Principal caller, PageRequest request) {
        return listOutgoing.list(caller, request);
    }

    /**
     * Registers a certificate the caller will own; rejections INVALID_REQUEST, CERTIFICATE_VALIDATION,
     * UNAUTHORIZED, ALREADY_EXISTS: see {@link RegisterCertificateWithoutCa#register}.
     */
    public Either<Rejection, Certificate> registerCertificateWithoutCa(Principal caller, String certificatePem,
            CertificateStatus status) {
        return register.register(caller, certificatePem, status);
    }

    /** Wires the service to its ports: a repository, an authorizer and a clock are required. */
    public static final class Builder {
        private CertificateRepository repository;
        private Authorizer authorizer;
        private Clock clock;
        private AttachmentQuery attachments = AttachmentQuery.none();
        private Region region = Region.US_EAST_1;

        private Builder() {
        }

        public Builder repository(CertificateRepository repository) {
            this.repository = Objects.requireNonNull(repository, "repository");
            return this;
        }

        public Builder authorizer(Authorizer authorizer) {
            this.authorizer = Objects.requireNonNull(authorizer, "authorizer");
            return this;
        }

        /** The only source of time: every date the service records is this clock's, to the millisecond. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Defaults to {@link AttachmentQuery#none()}. */
        public Builder attachments(AttachmentQuery attachments) {
            this.attachments = Objects.requireNonNull(attachments, "attachments");
            return this;
        }

        /** Defaults to {@code us-east-1}. */
        public Builder region(Region region) {
            this.region = Objects.requireNonNull(region, "region");
            return this;
        }

        public CertificateTransferService build() {
            Objects.requireNonNull(repository, "a repository is required");
            Objects.requireNonNull(authorizer, "an authorizer is required");
            Objects.requireNonNull(clock, "a clock is required");
            return new CertificateTransferService(this);
        }
    }
}
