package dev.certificatetransfer.adapter.policy;

import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.port.TransferPolicy;
import io.vavr.collection.HashMap;
import io.vavr.collection.HashSet;
import io.vavr.collection.Map;
import io.vavr.collection.Set;
import java.util.Collection;
import java.util.Objects;

/**
 * A {@link TransferPolicy} from plain Java objects: per target account, the source accounts it accepts transfers
 * from. A target without a list accepts transfers from anyone; a target with an empty list accepts none. Immutable,
 * so thread-safe; a host that changes lists at run time builds a new policy or implements the port itself.
 */
public final class AllowListTransferPolicy implements TransferPolicy {

    private final Map<AccountId, Set<AccountId>> allowedSourcesByTarget;

    private AllowListTransferPolicy(Map<AccountId, Set<AccountId>> allowedSourcesByTarget) {
        this.allowedSourcesByTarget = allowedSourcesByTarget;
    }

    /** The policy of the given lists: each target account mapped to the source accounts it accepts. */
    public static AllowListTransferPolicy of(java.util.Map<AccountId, ? extends Collection<AccountId>> lists) {
        Objects.requireNonNull(lists, "lists");
        Map<AccountId, Set<AccountId>> copy = HashMap.empty();
        for (var entry : lists.entrySet()) {
            var sources = HashSet.ofAll(Objects.requireNonNull(entry.getValue(), "sources"));
            sources.forEach(source -> Objects.requireNonNull(source, "source"));
            copy = copy.put(Objects.requireNonNull(entry.getKey(), "target"), sources);
        }
        return new AllowListTransferPolicy(copy);
    }

    /** A policy with no lists: every target accepts from anyone. Add lists with {@link #allowing}. */
    public static AllowListTransferPolicy empty() {
        return new AllowListTransferPolicy(HashMap.empty());
    }

    /** This policy, with the target accepting transfers from the given sources only (replacing its list). */
    public AllowListTransferPolicy allowing(AccountId target, AccountId... sources) {
        Objects.requireNonNull(target, "target");
        var allowed = HashSet.of(sources);
        allowed.forEach(source -> Objects.requireNonNull(source, "source"));
        return new AllowListTransferPolicy(allowedSourcesByTarget.put(target, allowed));
    }

    @Override
    public Verdict decide(AccountId source, CertificateId certificate, AccountId target) {
        return allowedSourcesByTarget.get(target).map(allowed -> allowed.contains(source)).getOrElse(true)
                ? Verdict.ALLOWED
                : Verdict.REFUSED;
    }
}
