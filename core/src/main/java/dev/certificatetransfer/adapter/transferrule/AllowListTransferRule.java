package dev.certificatetransfer.adapter.transferrule;

import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.port.out.Permission;
import dev.certificatetransfer.port.out.TransferRule;
import io.vavr.collection.HashMap;
import io.vavr.collection.HashSet;
import io.vavr.collection.Map;
import io.vavr.collection.Set;

import java.util.Collection;
import java.util.Objects;

/**
 * A {@link TransferRule} (docs/behaviour.md, section 14) from plain Java objects: per target account, the source
 * accounts it accepts transfers from. A target without a list accepts transfers from anyone; a target with an empty
 * list accepts none. Immutable, so thread-safe; a host that changes lists at run time builds a new rule or
 * implements the port itself.
 */
public final class AllowListTransferRule implements TransferRule {

    private final Map<AccountId, Set<AccountId>> allowedSourcesByTarget;

    private AllowListTransferRule(Map<AccountId, Set<AccountId>> allowedSourcesByTarget) {
        this.allowedSourcesByTarget = allowedSourcesByTarget;
    }

    /**
     * The rule of the given lists: each target account mapped to the source accounts it accepts.
     *
     * @param lists per target account, the source accounts it accepts; copied
     * @return the rule
     * @throws NullPointerException if the map, a key, a list or a source is null
     */
    public static AllowListTransferRule of(java.util.Map<AccountId, ? extends Collection<AccountId>> lists) {
        Objects.requireNonNull(lists, "lists");
        Map<AccountId, Set<AccountId>> copy = HashMap.empty();
        for (var entry : lists.entrySet()) {
            var sources = HashSet.ofAll(Objects.requireNonNull(entry.getValue(), "sources"));
            sources.forEach(source -> Objects.requireNonNull(source, "source"));
            copy = copy.put(Objects.requireNonNull(entry.getKey(), "target"), sources);
        }
        return new AllowListTransferRule(copy);
    }

    /**
     * A rule with no lists: every target accepts from anyone. Add lists with {@link #allowing}.
     *
     * @return the rule that allows every transfer
     */
    public static AllowListTransferRule empty() {
        return new AllowListTransferRule(HashMap.empty());
    }

    /**
     * This rule, with the target accepting transfers from the given sources only (replacing its list); this rule
     * itself does not change.
     *
     * @param target the target account
     * @param sources the only source accounts it accepts; none means it accepts no transfer
     * @return a new rule
     * @throws NullPointerException if the target or a source is null
     */
    public AllowListTransferRule allowing(AccountId target, AccountId... sources) {
        Objects.requireNonNull(target, "target");
        var allowed = HashSet.of(sources);
        allowed.forEach(source -> Objects.requireNonNull(source, "source"));
        return new AllowListTransferRule(allowedSourcesByTarget.put(target, allowed));
    }

    @Override
    public Permission evaluate(AccountId source, CertificateId certificate, AccountId target) {
        return allowedSourcesByTarget
                        .get(target)
                        .map(allowed -> allowed.contains(source))
                        .getOrElse(true)
                ? Permission.ALLOWED
                : Permission.REFUSED;
    }
}
