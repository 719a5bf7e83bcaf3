package dev.certificatetransfer.testing;

import static org.quicktheories.generators.SourceDSL.integers;

import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * One call of a race schedule: what to do to which of the two certificates, whether by the account it is meant for
 * (the owner; for accept and reject the pending target) or by the other one, which policy or thing it names, and for
 * a deletion whether it is forced. The accounts are resolved when the call runs, from the stored state.
 */
record RaceOp(Kind kind, int certificate, boolean meant, int name, boolean force) {

    /** The calls a race runs; the registry's calls name the caller's {@code policy-n} or {@code thing-n}. */
    enum Kind {
        REGISTER,
        TRANSFER,
        ACCEPT,
        REJECT,
        CANCEL,
        DELETE,
        ATTACH_POLICY,
        DETACH_POLICY,
        ATTACH_THING,
        DETACH_THING,
        CREATE_POLICY,
        DELETE_POLICY,
        CREATE_THING,
        DELETE_THING
    }

    /** Mostly attaches and detaches against the calls they race: transfer, settle, delete, delete the policy. */
    private static final List<Kind> KINDS = weighted(Map.ofEntries(
            Map.entry(Kind.REGISTER, 1),
            Map.entry(Kind.TRANSFER, 3),
            Map.entry(Kind.ACCEPT, 2),
            Map.entry(Kind.REJECT, 1),
            Map.entry(Kind.CANCEL, 2),
            Map.entry(Kind.DELETE, 3),
            Map.entry(Kind.ATTACH_POLICY, 3),
            Map.entry(Kind.DETACH_POLICY, 2),
            Map.entry(Kind.ATTACH_THING, 3),
            Map.entry(Kind.DETACH_THING, 2),
            Map.entry(Kind.CREATE_POLICY, 1),
            Map.entry(Kind.DELETE_POLICY, 2),
            Map.entry(Kind.CREATE_THING, 1),
            Map.entry(Kind.DELETE_THING, 2)));

    /**
     * Calls on certificate 0 three times in four, by the account they are meant for seven times in eight; the bits
     * of one number shrink towards certificate 0, the meant account, name 0 and no force.
     */
    static Gen<RaceOp> generator() {
        return Generate.pick(KINDS)
                .zip(
                        integers().between(0, 127),
                        (kind, bits) -> new RaceOp(
                                kind,
                                (bits & 3) == 3 ? 1 : 0,
                                ((bits >> 2) & 7) != 7,
                                (bits >> 5) & 1,
                                ((bits >> 6) & 1) == 1));
    }

    /** A fixed call, for the set-up. */
    static RaceOp of(Kind kind, int certificate, int name) {
        return new RaceOp(kind, certificate, true, name, false);
    }

    @Override
    public String toString() {
        return kind + "(cert " + certificate + (meant ? "" : ", by the other account") + ", #" + name
                + (force && kind == Kind.DELETE ? ", forced" : "") + ")";
    }

    private static List<Kind> weighted(Map<Kind, Integer> weights) {
        return weights.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .flatMap(e -> Collections.nCopies(e.getValue(), e.getKey()).stream())
                .toList();
    }
}
