package dev.certificatetransfer.application;

import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.AccountQuota;
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
import dev.certificatetransfer.domain.TransferExpiry;
import dev.certificatetransfer.domain.TransferMessage;
import dev.certificatetransfer.port.in.CertificateTransferUseCases;
import dev.certificatetransfer.port.in.CreateKeysAndCertificateResult;
import dev.certificatetransfer.port.in.NamePage;
import dev.certificatetransfer.port.in.NamePageRequest;
import dev.certificatetransfer.port.in.Page;
import dev.certificatetransfer.port.in.PageRequest;
import dev.certificatetransfer.port.in.RegisterCertificateResult;
import dev.certificatetransfer.port.in.TransferCertificateResult;
import dev.certificatetransfer.port.out.AttachmentQuery;
import dev.certificatetransfer.port.out.Authorizer;
import dev.certificatetransfer.port.out.CertificateIssuer;
import dev.certificatetransfer.port.out.CertificateRepository;
import dev.certificatetransfer.port.out.RegistryRepository;
import dev.certificatetransfer.port.out.TransferRule;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.time.Clock;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The certificate-transfer lifecycle on the ports a host plugs in: implements {@link CertificateTransferUseCases}, each
 * operation carried out by its own use case; the operations' contracts are on that interface. Build it with
 * {@link #builder()}; it is immutable once built, and thread-safe when its ports are. Nothing in it reads the time
 * or a random number except through the ports and the clock it was given.
 */
public final class CertificateTransferService implements CertificateTransferUseCases {

    /** How many times a write is decided again after losing the compare-and-set race before it answers THROTTLED. */
    public static final int DEFAULT_MAX_COMMIT_ATTEMPTS = 16;

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
    private final SweepExpiredTransfers sweep;
    private final IssueCertificate issue;
    private final ThingsAndPolicies thingsAndPolicies;
    private final AttachToCertificate attach;

    private CertificateTransferService(Builder b) {
        region = b.region;
        var authorization = new AuthorizationCheck(b.authorizer, b.region);
        var expiryView = new ExpiryView(b.clock, b.transferExpiry);
        var commitLoop = new CommitLoop(b.repository, expiryView, b.maxCommitAttempts, b.listener);
        cancel = new CancelCertificateTransfer(authorization, commitLoop);
        transfer = new TransferCertificate(authorization, commitLoop, b.attachments, b.transferRule, b.region);
        var quota = new QuotaCheck(b.accountQuota, b.repository);
        accept = new AcceptCertificateTransfer(authorization, commitLoop, quota);
        reject = new RejectCertificateTransfer(authorization, commitLoop);
        describe = new DescribeCertificate(authorization, b.repository, expiryView, commitLoop);
        update = new UpdateCertificate(authorization, commitLoop);
        delete = new DeleteCertificate(authorization, commitLoop, b.attachments);
        list = new ListCertificates(authorization, b.repository, expiryView);
        listOutgoing = new ListOutgoingCertificates(authorization, b.repository, expiryView);
        register = new RegisterCertificateWithoutCa(authorization, commitLoop, quota, b.region);
        sweep = new SweepExpiredTransfers(b.repository, commitLoop, expiryView, b.listener);
        issue = new IssueCertificate(authorization, register, quota, b.issuer);
        var registry =
                b.repository instanceof RegistryRepository r ? Option.some(r) : Option.<RegistryRepository>none();
        thingsAndPolicies =
                new ThingsAndPolicies(authorization, commitLoop, registry, expiryView::now, b.thingIds, b.region);
        attach = new AttachToCertificate(authorization, commitLoop, b.repository, registry, b.region);
    }

    /**
     * Starts wiring a service.
     *
     * @return a new builder with the defaults of AWS's behaviour
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Region region() {
        return region;
    }

    @Override
    public Either<Refusal, Certificate> cancelCertificateTransfer(Principal caller, CertificateId id) {
        return cancel.cancel(caller, id);
    }

    @Override
    public Either<Refusal, TransferCertificateResult> transferCertificate(
            Principal caller, CertificateId id, AccountId target, Option<TransferMessage> message) {
        return transfer.transfer(caller, id, target, message);
    }

    @Override
    public Either<Refusal, Certificate> acceptCertificateTransfer(
            Principal caller, CertificateId id, boolean setAsActive) {
        return accept.accept(caller, id, setAsActive);
    }

    @Override
    public Either<Refusal, Certificate> rejectCertificateTransfer(
            Principal caller, CertificateId id, Option<RejectReason> reason) {
        return reject.reject(caller, id, reason);
    }

    @Override
    public Either<Refusal, Certificate> describeCertificate(Principal caller, CertificateId id) {
        return describe.describe(caller, id);
    }

    @Override
    public Either<Refusal, Certificate> updateCertificate(
            Principal caller, CertificateId id, CertificateStatus newStatus) {
        return update.update(caller, id, newStatus);
    }

    @Override
    public Either<Refusal, CertificateId> deleteCertificate(Principal caller, CertificateId id, boolean forceDelete) {
        return delete.delete(caller, id, forceDelete);
    }

    @Override
    public Either<Refusal, Page<Certificate>> listCertificates(Principal caller, PageRequest request) {
        return list.list(caller, request);
    }

    @Override
    public Either<Refusal, Page<Certificate>> listOutgoingCertificates(Principal caller, PageRequest request) {
        return listOutgoing.list(caller, request);
    }

    @Override
    public Either<Refusal, RegisterCertificateResult> registerCertificateWithoutCa(
            Principal caller, ParsedCertificate certificate, CertificateStatus status) {
        return register.register(caller, certificate, status);
    }

    @Override
    public Either<Refusal, CreateKeysAndCertificateResult> createKeysAndCertificate(
            Principal caller, boolean setAsActive) {
        return issue.createKeysAndCertificate(caller, setAsActive);
    }

    @Override
    public Either<Refusal, RegisterCertificateResult> createCertificateFromCsr(
            Principal caller, String csrPem, boolean setAsActive) {
        return issue.createCertificateFromCsr(caller, csrPem, setAsActive);
    }

    @Override
    public Either<Refusal, Thing> createThing(Principal caller, ThingName name, ThingAttributes attributes) {
        return thingsAndPolicies.createThing(caller, name, attributes);
    }

    @Override
    public Either<Refusal, Thing> describeThing(Principal caller, ThingName name) {
        return thingsAndPolicies.describeThing(caller, name);
    }

    @Override
    public Either<Refusal, Thing> deleteThing(Principal caller, ThingName name, Option<Long> expectedVersion) {
        return thingsAndPolicies.deleteThing(caller, name, expectedVersion);
    }

    @Override
    public Either<Refusal, IotPolicy> createPolicy(Principal caller, PolicyName name, PolicyDocument document) {
        return thingsAndPolicies.createPolicy(caller, name, document);
    }

    @Override
    public Either<Refusal, IotPolicy> getPolicy(Principal caller, PolicyName name) {
        return thingsAndPolicies.getPolicy(caller, name);
    }

    @Override
    public Either<Refusal, IotPolicy> deletePolicy(Principal caller, PolicyName name) {
        return thingsAndPolicies.deletePolicy(caller, name);
    }

    @Override
    public Either<Refusal, Certificate> attachPolicy(Principal caller, PolicyName policy, CertificateArn target) {
        return attach.attachPolicy(caller, policy, target);
    }

    @Override
    public Either<Refusal, Certificate> detachPolicy(Principal caller, PolicyName policy, CertificateArn target) {
        return attach.detachPolicy(caller, policy, target);
    }

    @Override
    public Either<Refusal, NamePage<PolicyArn>> listAttachedPolicies(
            Principal caller, CertificateArn target, NamePageRequest request) {
        return attach.listAttachedPolicies(caller, target, request);
    }

    @Override
    public Either<Refusal, NamePage<CertificateArn>> listTargetsForPolicy(
            Principal caller, PolicyName policy, NamePageRequest request) {
        return attach.listTargetsForPolicy(caller, policy, request);
    }

    @Override
    public Either<Refusal, Certificate> attachThingPrincipal(
            Principal caller, ThingName thing, CertificateArn principal) {
        return attach.attachThing(caller, thing, principal);
    }

    @Override
    public Either<Refusal, Certificate> detachThingPrincipal(
            Principal caller, ThingName thing, CertificateArn principal) {
        return attach.detachThing(caller, thing, principal);
    }

    @Override
    public Either<Refusal, NamePage<ThingName>> listPrincipalThings(
            Principal caller, CertificateArn principal, NamePageRequest request) {
        return attach.listPrincipalThings(caller, principal, request);
    }

    @Override
    public Either<Refusal, NamePage<CertificateArn>> listThingPrincipals(
            Principal caller, ThingName thing, NamePageRequest request) {
        return attach.listThingPrincipals(caller, thing, request);
    }

    /**
     * The expiry sweep (ours: docs/behaviour.md, section 14): writes the expiry, and its one TransferExpired event, of
     * every pending transfer whose time-to-live has run out by the clock, reading the due transfers in keyset pages
     * of 500. Calls
     * do not need it (every operation applies expiry by itself); it records the expiries nobody has noticed. Safe to
     * run concurrently with calls and with other sweeps, in this process or others on the same storage: an expiry is
     * written once. Infrastructure failures propagate, as from any call.
     *
     * @return how many expiries this sweep wrote; 0 when transfers never expire
     */
    public int sweepExpiredTransfers() {
        return sweep.sweep(SweepExpiredTransfers.DEFAULT_PAGE_SIZE);
    }

    /**
     * {@link #sweepExpiredTransfers()}, reading the due transfers in pages of {@code pageSize}.
     *
     * @param pageSize how many due transfers one page reads, at least 1
     * @return how many expiries this sweep wrote; 0 when transfers never expire
     * @throws IllegalArgumentException if {@code pageSize} is less than 1
     */
    public int sweepExpiredTransfers(int pageSize) {
        return sweep.sweep(pageSize);
    }

    /**
     * Wires the service to its ports: a repository, an authorizer and a clock are required, the rest default to
     * AWS's behaviour. Not thread-safe: build on one thread, then share the service. Every setter refuses
     * {@code null} with a {@code NullPointerException}.
     */
    public static final class Builder {
        private CertificateRepository repository;
        private Authorizer authorizer;
        private Clock clock;
        private AttachmentQuery attachments = AttachmentQuery.none();
        private Region region = Region.US_EAST_1;
        private int maxCommitAttempts = DEFAULT_MAX_COMMIT_ATTEMPTS;
        private TransferExpiry transferExpiry = TransferExpiry.none();
        private TransferRule transferRule = TransferRule.allowAll();
        private ServiceListener listener = ServiceListener.none();
        private AccountQuota accountQuota = AccountQuota.unlimited();
        private Option<CertificateIssuer> issuer = Option.none();
        private Supplier<UUID> thingIds = UUID::randomUUID;

        private Builder() {}

        /**
         * Where certificates live; required.
         *
         * @param repository the repository, e.g. {@code InMemoryCertificateRepository} or
         *        {@code JdbcCertificateRepository}
         * @return this builder
         */
        public Builder repository(CertificateRepository repository) {
            this.repository = Objects.requireNonNull(repository, "repository");
            return this;
        }

        /**
         * Who may do what (docs/behaviour.md, section 10); required.
         *
         * @param authorizer the authorizer, e.g. {@code PolicyAuthorizer}
         * @return this builder
         */
        public Builder authorizer(Authorizer authorizer) {
            this.authorizer = Objects.requireNonNull(authorizer, "authorizer");
            return this;
        }

        /**
         * The only source of time: every date the service records is this clock's, to the millisecond
         * (docs/behaviour.md, section 7); required.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * How many policies and things the host has attached to a certificate (docs/behaviour.md, section 11).
         * Defaults to {@link AttachmentQuery#none()}.
         *
         * @param attachments the host's attachment query
         * @return this builder
         */
        public Builder attachments(AttachmentQuery attachments) {
            this.attachments = Objects.requireNonNull(attachments, "attachments");
            return this;
        }

        /**
         * The region this deployment serves, in every ARN. Defaults to {@code us-east-1}.
         *
         * @param region the region
         * @return this builder
         */
        public Builder region(Region region) {
            this.region = Objects.requireNonNull(region, "region");
            return this;
        }

        /**
         * How many times one call may lose the compare-and-set race before it answers THROTTLED; default
         * {@link #DEFAULT_MAX_COMMIT_ATTEMPTS} (docs/behaviour.md, section 8).
         *
         * @param maxCommitAttempts at least 1
         * @return this builder
         * @throws IllegalArgumentException if it is less than 1
         */
        public Builder maxCommitAttempts(int maxCommitAttempts) {
            if (maxCommitAttempts < 1) {
                throw new IllegalArgumentException("maxCommitAttempts is at least 1");
            }
            this.maxCommitAttempts = maxCommitAttempts;
            return this;
        }

        /**
         * Ours (docs/behaviour.md, section 14): how long a transfer may stay pending before it expires, as if the
         * system had cancelled it then. Defaults to {@link TransferExpiry#none()}: transfers never expire, as on AWS.
         *
         * @param transferExpiry the expiry
         * @return this builder
         */
        public Builder transferExpiry(TransferExpiry transferExpiry) {
            this.transferExpiry = Objects.requireNonNull(transferExpiry, "transferExpiry");
            return this;
        }

        /**
         * Ours (docs/behaviour.md, section 14): which accounts may send certificates to which, e.g. an
         * {@code AllowListTransferRule}. Defaults to {@link TransferRule#allowAll()}, as on AWS.
         *
         * @param transferRule the transfer rule
         * @return this builder
         */
        public Builder transferRule(TransferRule transferRule) {
            this.transferRule = Objects.requireNonNull(transferRule, "transferRule");
            return this;
        }

        /**
         * Who hears of the service's lost compare-and-set races, writes that gave up, and expiry sweeps, for
         * metrics (e.g. adapters-micrometer's {@code MicrometerServiceListener}). Defaults to
         * {@link ServiceListener#none()}.
         *
         * @param listener the listener, called on the calling thread
         * @return this builder
         */
        public Builder listener(ServiceListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Ours (docs/behaviour.md#15-account-quotas): the most certificates, and bytes of their PEM, that one account
         * may own; registering or accepting past it answers LIMIT_EXCEEDED. Defaults to
         * {@link AccountQuota#unlimited()}, as on AWS here: then what an account owns is never counted.
         *
         * @param accountQuota the quota of every account
         * @return this builder
         */
        public Builder accountQuota(AccountQuota accountQuota) {
            this.accountQuota = Objects.requireNonNull(accountQuota, "accountQuota");
            return this;
        }

        /**
         * The deployment's certificate authority, which CreateKeysAndCertificate and CreateCertificateFromCsr use
         * (docs/behaviour.md#16-certificates-the-deployment-issues); without one they answer INVALID_REQUEST.
         *
         * @param issuer the CA, such as the BouncyCastle adapter's
         * @return this builder
         */
        public Builder issuer(CertificateIssuer issuer) {
            this.issuer = Option.some(Objects.requireNonNull(issuer, "issuer"));
            return this;
        }

        /**
         * Where new things' ids come from; random UUIDs by default. Tests give a fixed sequence.
         *
         * @param thingIds the id supplier
         * @return this builder
         */
        public Builder thingIds(Supplier<UUID> thingIds) {
            this.thingIds = Objects.requireNonNull(thingIds, "thingIds");
            return this;
        }

        /**
         * The service, wired to the ports given so far; the builder may be used again.
         *
         * @return a new service
         * @throws NullPointerException if the repository, the authorizer or the clock is missing
         */
        public CertificateTransferService build() {
            Objects.requireNonNull(repository, "a repository is required");
            Objects.requireNonNull(authorizer, "an authorizer is required");
            Objects.requireNonNull(clock, "a clock is required");
            return new CertificateTransferService(this);
        }
    }
}
