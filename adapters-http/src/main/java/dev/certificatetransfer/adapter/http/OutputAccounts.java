package dev.certificatetransfer.adapter.http;

import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.domain.CertificateArn;
import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.domain.IotPolicy;
import dev.certificatetransfer.domain.PolicyArn;
import dev.certificatetransfer.domain.Thing;
import dev.certificatetransfer.domain.ThingName;
import dev.certificatetransfer.port.in.CreateKeysAndCertificateResult;
import dev.certificatetransfer.port.in.NamePage;
import dev.certificatetransfer.port.in.Page;
import dev.certificatetransfer.port.in.RegisterCertificateResult;
import dev.certificatetransfer.port.in.TransferCertificateResult;
import io.vavr.collection.List;
import io.vavr.collection.Seq;

/**
 * Every account the AWS dialect's body of an output names, its ARNs included: what {@link AwsFormat} checks is 12
 * digits before it writes the answer (docs/behaviour.md#13-on-the-wire).
 */
final class OutputAccounts implements Output.Visitor<Seq<AccountId>> {

    static final OutputAccounts INSTANCE = new OutputAccounts();

    private OutputAccounts() {}

    @Override
    public Seq<AccountId> described(Certificate certificate) {
        return certificate.previousOwner().toList().prepend(certificate.owner());
    }

    @Override
    public Seq<AccountId> changed(Certificate certificate) {
        return List.empty();
    }

    @Override
    public Seq<AccountId> transferRequested(TransferCertificateResult transferred) {
        return List.of(transferred.transferredCertificateArn().account());
    }

    @Override
    public Seq<AccountId> deleted(CertificateId certificateId) {
        return List.empty();
    }

    @Override
    public Seq<AccountId> listed(Page<Certificate> page, boolean outgoing) {
        return page.items().flatMap(c -> outgoing ? c.pendingTarget().toList().prepend(c.owner()) : List.of(c.owner()));
    }

    @Override
    public Seq<AccountId> registered(RegisterCertificateResult registered) {
        return List.of(registered.certificateArn().account());
    }

    @Override
    public Seq<AccountId> keysAndCertificateCreated(CreateKeysAndCertificateResult created) {
        return List.of(created.certificateArn().account());
    }

    @Override
    public Seq<AccountId> issued(RegisterCertificateResult issued) {
        return List.of(issued.certificateArn().account());
    }

    @Override
    public Seq<AccountId> thingCreated(Thing thing) {
        return List.of(thing.owner());
    }

    @Override
    public Seq<AccountId> thingDescribed(Thing thing) {
        return List.of(thing.owner());
    }

    @Override
    public Seq<AccountId> thingDeleted(Thing thing) {
        return List.empty();
    }

    @Override
    public Seq<AccountId> policyCreated(IotPolicy policy) {
        return List.of(policy.owner());
    }

    @Override
    public Seq<AccountId> policyRead(IotPolicy policy) {
        return List.of(policy.owner());
    }

    @Override
    public Seq<AccountId> policyDeleted(IotPolicy policy) {
        return List.empty();
    }

    @Override
    public Seq<AccountId> attachedPolicies(NamePage<PolicyArn> page) {
        return page.items().map(PolicyArn::account);
    }

    @Override
    public Seq<AccountId> policyTargets(NamePage<CertificateArn> page) {
        return page.items().map(CertificateArn::account);
    }

    @Override
    public Seq<AccountId> principalThings(NamePage<ThingName> page) {
        return List.empty();
    }

    @Override
    public Seq<AccountId> thingPrincipals(NamePage<CertificateArn> page) {
        return page.items().map(CertificateArn::account);
    }
}
