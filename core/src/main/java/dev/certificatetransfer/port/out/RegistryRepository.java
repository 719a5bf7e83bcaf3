package dev.certificatetransfer.port.out;

import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.domain.IotPolicy;
import dev.certificatetransfer.domain.PolicyName;
import dev.certificatetransfer.domain.Thing;
import dev.certificatetransfer.domain.ThingName;
import dev.certificatetransfer.spi.CommitOutcome;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

/**
 * Where things and policies live, beside the certificates: the service's own registry
 * (docs/behaviour.md#17-things-policies-and-attachments). A certificate's attachments are part of the certificate
 * (its {@code attachments}, changed by {@code PolicyAttached}, {@code PolicyDetached}, {@code ThingAttached} and
 * {@code ThingDetached} events through {@link CertificateRepository#commit}), so a repository that is also a
 * registry must, in the same atomic step as the certificate's compare-and-set:
 * <ul>
 *   <li>commit a {@code PolicyAttached} ({@code ThingAttached}) change only while the policy (thing) exists in the
 *       certificate owner's account, and answer {@link CommitOutcome#CONFLICT} otherwise;</li>
 *   <li>on a certificate's deletion, forget its policy attachments (a forced deletion detaches them).</li>
 * </ul>
 * And {@link #deletePolicy} ({@link #deleteThing}) must not delete a policy (thing) that a committed change has
 * attached to a certificate. Then an attach racing a deletion has one outcome. In-memory and JDBC adapters implement
 * both ports in one class; a new adapter proves itself by passing {@code CertificateRepositoryContract} and
 * {@code RegistryRepositoryContract} from core's test-jar. Thread-safe; no method accepts or returns {@code null}.
 */
public interface RegistryRepository {

    /**
     * The account's thing of that name.
     *
     * @param owner the account
     * @param name the thing's name
     * @return the thing; none if the account has none of that name
     */
    Option<Thing> findThing(AccountId owner, ThingName name);

    /**
     * Stores a new thing unless the owner has one of that name already.
     *
     * @param thing the thing
     * @return {@link CommitOutcome#COMMITTED}, or {@link CommitOutcome#CONFLICT} (nothing written) if the name is
     *     taken
     */
    CommitOutcome createThing(Thing thing);

    /**
     * Deletes the thing if it is still stored with this {@link Thing#thingId()} and no certificate is attached to it.
     *
     * @param thing the thing as the caller found it
     * @return {@link CommitOutcome#COMMITTED}, or {@link CommitOutcome#CONFLICT} (nothing deleted) if it is gone,
     *     created anew, or has a certificate attached
     */
    CommitOutcome deleteThing(Thing thing);

    /**
     * Up to {@code limit} certificates attached to the thing, by id ascending (as Java strings), strictly after
     * {@code after}; the cost grows with the page.
     *
     * @param owner the thing's account
     * @param thing the thing's name
     * @param after the last id of the previous page; none for the first page
     * @param limit at most this many
     * @return the certificates' ids, possibly none
     */
    Seq<CertificateId> listThingPrincipals(AccountId owner, ThingName thing, Option<CertificateId> after, int limit);

    /**
     * The account's policy of that name.
     *
     * @param owner the account
     * @param name the policy's name
     * @return the policy; none if the account has none of that name
     */
    Option<IotPolicy> findPolicy(AccountId owner, PolicyName name);

    /**
     * Stores a new policy unless the owner has one of that name already.
     *
     * @param policy the policy
     * @return {@link CommitOutcome#COMMITTED}, or {@link CommitOutcome#CONFLICT} (nothing written) if the name is
     *     taken
     */
    CommitOutcome createPolicy(IotPolicy policy);

    /**
     * Deletes the owner's policy of that name if it is attached to no certificate.
     *
     * @param policy the policy as the caller found it
     * @return {@link CommitOutcome#COMMITTED}, or {@link CommitOutcome#CONFLICT} (nothing deleted) if it is gone or
     *     attached
     */
    CommitOutcome deletePolicy(IotPolicy policy);

    /**
     * Up to {@code limit} certificates the policy is attached to, by id ascending (as Java strings), strictly after
     * {@code after}; the cost grows with the page.
     *
     * @param owner the policy's account
     * @param policy the policy's name
     * @param after the last id of the previous page; none for the first page
     * @param limit at most this many
     * @return the certificates' ids, possibly none
     */
    Seq<CertificateId> listPolicyTargets(AccountId owner, PolicyName policy, Option<CertificateId> after, int limit);
}
