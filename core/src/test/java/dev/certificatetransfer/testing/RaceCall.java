package dev.certificatetransfer.testing;

import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.RefusalCode;
import io.vavr.collection.List;
import io.vavr.control.Option;

/**
 * One call of a race as it happened: its op, who made it (a principal name of its own, so that the events it wrote can
 * be told apart), what was read just before and just after it (each certificate's version, and whether the caller's
 * policy and thing existed), a global sequence number taken before those first reads and after the last ones, and
 * its answer: a refusal code, or none for a success. What the call saw lies between the two reads.
 */
record RaceCall(
        String caller,
        int thread,
        RaceOp op,
        AccountId actor,
        AccountId target,
        long stampBefore,
        long stampAfter,
        List<Long> versionsBefore,
        List<Long> versionsAfter,
        Existence before,
        Existence after,
        Option<RefusalCode> refusal) {

    /** Whether the caller's policy and thing that the op names existed. */
    record Existence(boolean policy, boolean thing) {}

    /** Whether the two calls' windows, from the reads before to the reads after, overlap. */
    boolean overlaps(RaceCall other) {
        return stampBefore < other.stampAfter && other.stampBefore < stampAfter;
    }

    /** Whether this call, a success, may have created or deleted the account's policy (or thing) of that name. */
    boolean changedRegistry(AccountId account, int name, boolean policy) {
        var kinds = policy
                ? java.util.List.of(RaceOp.Kind.CREATE_POLICY, RaceOp.Kind.DELETE_POLICY)
                : java.util.List.of(RaceOp.Kind.CREATE_THING, RaceOp.Kind.DELETE_THING);
        return refusal.isEmpty() && kinds.contains(op.kind()) && actor.equals(account) && op.name() == name;
    }

    @Override
    public String toString() {
        return "thread " + thread + " [" + stampBefore + ".." + stampAfter + "] " + caller + " " + actor.value() + " "
                + op + (op.kind() == RaceOp.Kind.TRANSFER ? " to " + target.value() : "") + ", versions "
                + versionsBefore + ".." + versionsAfter + " -> "
                + refusal.map(Enum::name).getOrElse("ok");
    }
}
