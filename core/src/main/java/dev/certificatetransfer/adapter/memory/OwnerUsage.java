package dev.certificatetransfer.adapter.memory;

import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.AccountUsage;
import dev.certificatetransfer.domain.Certificate;

import java.util.concurrent.ConcurrentHashMap;

/**
 * What each account owns (certificates and PEM bytes), kept up to date by every commit, so that reading an
 * account's usage costs one map lookup. Each account's usage is an immutable value replaced atomically; an account
 * that owns nothing has no entry.
 */
final class OwnerUsage {

    private final ConcurrentHashMap<AccountId, AccountUsage> byOwner = new ConcurrentHashMap<>();

    /** Moves the certificate's usage from its owner before the change to its owner after; null stands for absent. */
    void update(Certificate before, Certificate after) {
        var was = before == null ? null : before.owner();
        var is = after == null ? null : after.owner();
        if (was != null && was.equals(is)) {
            return;
        }
        if (was != null) {
            byOwner.computeIfPresent(was, (owner, usage) -> nonZero(usage.minus(AccountUsage.of(before.pem()))));
        }
        if (is != null) {
            byOwner.merge(is, AccountUsage.of(after.pem()), AccountUsage::plus);
        }
    }

    AccountUsage of(AccountId owner) {
        return byOwner.getOrDefault(owner, AccountUsage.NONE);
    }

    private static AccountUsage nonZero(AccountUsage usage) {
        return usage.equals(AccountUsage.NONE) ? null : usage;
    }
}
