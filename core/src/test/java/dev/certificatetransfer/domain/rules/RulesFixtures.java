package dev.certificatetransfer.domain.rules;

import static dev.certificatetransfer.testing.Accounts.ALICE;

import dev.certificatetransfer.domain.AccountQuota;
import dev.certificatetransfer.domain.AccountUsage;
import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.domain.CertificateEvent.CertificateRegistered;
import dev.certificatetransfer.domain.CertificateMode;
import dev.certificatetransfer.domain.CertificateStatus;
import dev.certificatetransfer.testing.Accounts;
import dev.certificatetransfer.testing.TestCertificates;
import io.vavr.Lazy;
import io.vavr.control.Option;

import java.time.Instant;

/** The certificates the rule tests start from. */
final class RulesFixtures {

    /** The library's default quota, which limits nothing. */
    static final AccountQuota UNLIMITED = AccountQuota.unlimited();

    private RulesFixtures() {}

    /** A usage that fails the test if the rule asks for it: an unlimited quota must never count. */
    static Lazy<AccountUsage> neverAsked() {
        return Lazy.of(() -> {
            throw new AssertionError("the usage was asked although the quota limits nothing");
        });
    }

    /** Alice's certificate 0, registered at {@code at} with {@code status}, version 1. */
    static Certificate registered(CertificateStatus status, Instant at) {
        var parsed = TestCertificates.parsed(0);
        return CertificateRules.registered(
                Option.none(),
                new CertificateRegistered(
                        parsed.id(),
                        Accounts.principal(ALICE),
                        parsed.pem(),
                        parsed.validity(),
                        CertificateMode.SNI_ONLY,
                        status,
                        at,
                        1));
    }
}
