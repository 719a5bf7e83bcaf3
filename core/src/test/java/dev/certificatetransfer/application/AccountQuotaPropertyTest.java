package dev.certificatetransfer.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.AccountQuota;
import dev.certificatetransfer.domain.AccountUsage;
import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.domain.CertificatePem;
import dev.certificatetransfer.domain.CertificateStatus;
import dev.certificatetransfer.domain.Principal;
import dev.certificatetransfer.domain.Refusal;
import dev.certificatetransfer.domain.RefusalCode;
import dev.certificatetransfer.testing.Accounts;
import dev.certificatetransfer.testing.TestCertificates;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import java.util.List;
import java.util.stream.IntStream;

/**
 * Random sequences of registrations, transfers, acceptances, rejections, deactivations and deletions from three
 * accounts on the six test certificates, on a service with an account quota (docs/behaviour.md#15-account-quotas),
 * checked after every step: no account owns more than the quota, the repository's usage is exactly what the stored
 * certificates add up to, a refused call changed nothing and recorded no event, and LIMIT_EXCEEDED is answered
 * exactly when the registration or acceptance would have passed the quota.
 */
class AccountQuotaPropertyTest {

    private static final List<Principal> ACCOUNTS = List.of(
            Accounts.principal(Accounts.ALICE), Accounts.principal(Accounts.BOB), Accounts.principal(Accounts.CAROL));

    private enum Op {
        REGISTER,
        TRANSFER,
        ACCEPT,
        REJECT,
        DEACTIVATE,
        DELETE
    }

    /** One call: the operation, the caller, the certificate, and the other account (target) or setAsActive. */
    private record Step(Op op, int caller, int certificate, int other) {}

    private static Gen<Step> steps() {
        return Generate.enumValues(Op.class)
                .zip(
                        integers().between(0, ACCOUNTS.size() - 1),
                        integers().between(0, TestCertificates.COUNT - 1),
                        integers().between(0, ACCOUNTS.size() - 1),
                        Step::new);
    }

    @Test
    void a_certificate_limit_holds_after_every_step_and_refusals_change_nothing() {
        var quota = new AccountQuota(2, AccountQuota.UNLIMITED);
        qt().withExamples(400).forAll(lists().of(steps()).ofSizeBetween(1, 40)).checkAssert(steps -> run(steps, quota));
    }

    @Test
    void a_byte_limit_holds_after_every_step_and_refusals_change_nothing() {
        long shortest = IntStream.range(0, TestCertificates.COUNT)
                .mapToLong(i -> TestCertificates.parsed(i).pem().value().length())
                .min()
                .getAsLong();
        var quota = new AccountQuota(AccountQuota.UNLIMITED, 2 * shortest + 1);
        qt().withExamples(400).forAll(lists().of(steps()).ofSizeBetween(1, 40)).checkAssert(steps -> run(steps, quota));
    }

    private static void run(List<Step> steps, AccountQuota quota) {
        var f = new ServiceFixture(quota);
        for (var step : steps) {
            var before = stored(f);
            int events = f.events.events().size();
            var wouldPass = wouldPass(f, step, quota);

            var answer = call(f, step);

            if (answer.isLeft()) {
                assertThat(stored(f)).as("%s refused: nothing changed", step).isEqualTo(before);
                assertThat(f.events.events()).as("%s refused: no event", step).hasSize(events);
            }
            boolean limitExceeded = answer.isLeft() && answer.getLeft().code() == RefusalCode.LIMIT_EXCEEDED;
            if (limitExceeded || wouldPass) {
                assertThat(limitExceeded)
                        .as("%s answered %s; passing the quota: %s", step, answer, wouldPass)
                        .isEqualTo(wouldPass);
            }
            for (var account : ACCOUNTS) {
                var usage = f.repository.usage(account.account());
                assertThat(usage).as("usage of %s", account).isEqualTo(counted(f, account.account()));
                assertThat(usage.certificates()).isLessThanOrEqualTo(quota.maxCertificates());
                assertThat(usage.pemBytes()).isLessThanOrEqualTo(quota.maxPemBytes());
            }
        }
    }

    private static Either<Refusal, ?> call(ServiceFixture f, Step step) {
        var caller = ACCOUNTS.get(step.caller());
        var id = TestCertificates.id(step.certificate());
        var s = f.service;
        return switch (step.op()) {
            case REGISTER ->
                s.registerCertificateWithoutCa(
                        caller, TestCertificates.parsed(step.certificate()), CertificateStatus.INACTIVE);
            case TRANSFER ->
                s.transferCertificate(caller, id, ACCOUNTS.get(step.other()).account(), Option.none());
            case ACCEPT -> s.acceptCertificateTransfer(caller, id, step.other() == 0);
            case REJECT -> s.rejectCertificateTransfer(caller, id, Option.none());
            case DEACTIVATE -> s.updateCertificate(caller, id, CertificateStatus.INACTIVE);
            case DELETE -> s.deleteCertificate(caller, id, false);
        };
    }

    /**
     * Whether the step is a registration or an acceptance that every check but the quota lets through, and that
     * would take the caller past the quota: the one case that must answer LIMIT_EXCEEDED.
     */
    private static boolean wouldPass(ServiceFixture f, Step step, AccountQuota quota) {
        var caller = ACCOUNTS.get(step.caller()).account();
        var current = f.repository.find(TestCertificates.id(step.certificate())).certificate();
        CertificatePem pem;
        if (step.op() == Op.REGISTER && current.isEmpty()) {
            pem = TestCertificates.parsed(step.certificate()).pem();
        } else if (step.op() == Op.ACCEPT
                && current.flatMap(Certificate::pendingTarget).contains(caller)) {
            pem = current.get().pem();
        } else {
            return false;
        }
        var after = counted(f, caller).plus(AccountUsage.of(pem));
        return after.certificates() > quota.maxCertificates() || after.pemBytes() > quota.maxPemBytes();
    }

    /** What the account owns, added up from the stored certificates themselves. */
    private static AccountUsage counted(ServiceFixture f, AccountId account) {
        return stored(f).stream()
                .flatMap(Option::toJavaStream)
                .filter(c -> c.owner().equals(account))
                .map(c -> AccountUsage.of(c.pem()))
                .reduce(AccountUsage.NONE, AccountUsage::plus);
    }

    private static List<Option<Certificate>> stored(ServiceFixture f) {
        return IntStream.range(0, TestCertificates.COUNT)
                .mapToObj(i -> f.repository.find(TestCertificates.id(i)).certificate())
                .toList();
    }
}
