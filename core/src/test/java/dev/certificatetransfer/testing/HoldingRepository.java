package dev.certificatetransfer.testing;

import dev.certificatetransfer.domain.IotPolicy;
import dev.certificatetransfer.domain.Thing;
import dev.certificatetransfer.port.out.CertificateRepository;
import dev.certificatetransfer.port.out.RegistryRepository;
import dev.certificatetransfer.spi.CertificateChange;
import dev.certificatetransfer.spi.CommitOutcome;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A repository that holds one write, the first that matches, just before it reaches the storage, until the test
 * releases it: a race decided by latches, not by the scheduler. The held call has decided on the state it read; the
 * test makes another call commit meanwhile, releases the held write, and sees the storage's answer to it
 * ({@link #heldOutcome}) and the held call's answer, decided again if the write lost.
 */
public final class HoldingRepository extends ForwardingRegistryRepository {

    private static final long WAIT_SECONDS = 30;

    private final Predicate<CertificateChange> commitToHold;
    private final boolean holdPolicyDeletion;
    private final boolean holdThingDeletion;
    private final AtomicBoolean armed = new AtomicBoolean(true);
    private final CountDownLatch reached = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile CommitOutcome heldOutcome;

    private <R extends CertificateRepository & RegistryRepository> HoldingRepository(
            R delegate, Predicate<CertificateChange> commitToHold, boolean policyDeletion, boolean thingDeletion) {
        super(delegate);
        this.commitToHold = commitToHold;
        this.holdPolicyDeletion = policyDeletion;
        this.holdThingDeletion = thingDeletion;
    }

    /** Holds the first commit of a change that matches. */
    public static <R extends CertificateRepository & RegistryRepository> HoldingRepository holdingCommit(
            R delegate, Predicate<CertificateChange> which) {
        return new HoldingRepository(delegate, which, false, false);
    }

    /** Holds the first DeletePolicy's write. */
    public static <R extends CertificateRepository & RegistryRepository> HoldingRepository holdingPolicyDeletion(
            R delegate) {
        return new HoldingRepository(delegate, change -> false, true, false);
    }

    /** Holds the first DeleteThing's write. */
    public static <R extends CertificateRepository & RegistryRepository> HoldingRepository holdingThingDeletion(
            R delegate) {
        return new HoldingRepository(delegate, change -> false, false, true);
    }

    @Override
    public CommitOutcome commit(CertificateChange change) {
        return commitToHold.test(change) ? held(() -> super.commit(change)) : super.commit(change);
    }

    @Override
    public CommitOutcome deletePolicy(IotPolicy policy) {
        return holdPolicyDeletion ? held(() -> super.deletePolicy(policy)) : super.deletePolicy(policy);
    }

    @Override
    public CommitOutcome deleteThing(Thing thing) {
        return holdThingDeletion ? held(() -> super.deleteThing(thing)) : super.deleteThing(thing);
    }

    /** Waits until the held call has reached its write. */
    public void awaitHeld() throws InterruptedException {
        if (!reached.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
            throw new AssertionError("the call to hold did not reach its write within " + WAIT_SECONDS + " s");
        }
    }

    /** Lets the held write through. */
    public void release() {
        released.countDown();
    }

    /** What the storage answered the held write, once it was released; null before. */
    public CommitOutcome heldOutcome() {
        return heldOutcome;
    }

    private CommitOutcome held(Supplier<CommitOutcome> write) {
        if (!armed.compareAndSet(true, false)) {
            return write.get();
        }
        reached.countDown();
        try {
            if (!released.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("the held write was not released within " + WAIT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while held", e);
        }
        heldOutcome = write.get();
        return heldOutcome;
    }
}
