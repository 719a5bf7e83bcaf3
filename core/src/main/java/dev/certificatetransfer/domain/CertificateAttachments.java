package dev.certificatetransfer.domain;

import io.vavr.collection.SortedSet;
import io.vavr.collection.TreeSet;

import java.util.Objects;

/**
 * The policies and things a certificate is attached to, as the service's own registry keeps them: part of the
 * certificate's state, so every attach and detach is a change that the compare-and-set orders against a transfer or
 * a deletion (docs/behaviour.md#17-things-policies-and-attachments). All belong to the certificate's owner.
 *
 * @param policies the attached policies' names, at most {@value #MAX_POLICIES}
 * @param things the attached things' names, at most {@value #MAX_THINGS}
 */
public record CertificateAttachments(SortedSet<PolicyName> policies, SortedSet<ThingName> things) {

    /** The most policies attached to one certificate (AWS's quota). */
    public static final int MAX_POLICIES = 10;

    /** The most things one certificate is attached to (ours). */
    public static final int MAX_THINGS = 10;

    /** Nothing attached. */
    public static final CertificateAttachments NONE = new CertificateAttachments(TreeSet.empty(), TreeSet.empty());

    /**
     * Checks the bounds.
     *
     * @param policies the attached policies
     * @param things the attached things
     * @throws NullPointerException if either is null
     * @throws IllegalArgumentException if either holds more than its maximum
     */
    public CertificateAttachments {
        Objects.requireNonNull(policies, "policies");
        Objects.requireNonNull(things, "things");
        if (policies.size() > MAX_POLICIES || things.size() > MAX_THINGS) {
            throw new IllegalArgumentException("at most " + MAX_POLICIES + " policies and " + MAX_THINGS + " things");
        }
    }

    /**
     * The counts, as a host's {@code AttachmentQuery} reports them.
     *
     * @return how many policies and things are attached
     */
    public Attachments counts() {
        return new Attachments(policies.size(), things.size());
    }

    /**
     * Whether nothing is attached.
     *
     * @return whether both sets are empty
     */
    public boolean isEmpty() {
        return policies.isEmpty() && things.isEmpty();
    }

    /**
     * With the policy attached.
     *
     * @param policy the policy
     * @return the attachments with it
     */
    public CertificateAttachments with(PolicyName policy) {
        return new CertificateAttachments(policies.add(policy), things);
    }

    /**
     * Without the policy.
     *
     * @param policy the policy
     * @return the attachments without it
     */
    public CertificateAttachments without(PolicyName policy) {
        return new CertificateAttachments(policies.remove(policy), things);
    }

    /**
     * With the thing attached.
     *
     * @param thing the thing
     * @return the attachments with it
     */
    public CertificateAttachments with(ThingName thing) {
        return new CertificateAttachments(policies, things.add(thing));
    }

    /**
     * Without the thing.
     *
     * @param thing the thing
     * @return the attachments without it
     */
    public CertificateAttachments without(ThingName thing) {
        return new CertificateAttachments(policies, things.remove(thing));
    }
}
