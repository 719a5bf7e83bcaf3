package dev.certificatetransfer.application;

import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.AccountQuota;
import dev.certificatetransfer.domain.AccountUsage;
import dev.certificatetransfer.port.out.CertificateRepository;
import io.vavr.Lazy;

/**
 * The inputs of the quota rule (docs/behaviour.md#15-account-quotas): the service's quota, and what an account owns,
 * read from the repository only if the rule asks for it (never when the quota is unlimited).
 */
final class QuotaCheck {

    private final AccountQuota quota;
    private final CertificateRepository repository;

    QuotaCheck(AccountQuota quota, CertificateRepository repository) {
        this.quota = quota;
        this.repository = repository;
    }

    AccountQuota quota() {
        return quota;
    }

    /** What the account owns, read when first asked: once per decision, so a decision made again reads it again. */
    Lazy<AccountUsage> usageOf(AccountId owner) {
        return Lazy.of(() -> repository.usage(owner));
    }
}
