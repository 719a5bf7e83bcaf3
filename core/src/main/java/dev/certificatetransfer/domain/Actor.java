package dev.certificatetransfer.domain;

/**
 * Who made a change: a {@link Principal}, through its call (its account and its name), or the system itself (an
 * expired transfer, which no call decided). Events name their actor with it (docs/behaviour.md, section 9).
 */
public sealed interface Actor permits Principal, SystemActor {

    /**
     * The system, acting on its own rules rather than on a caller's call.
     *
     * @return {@link SystemActor#INSTANCE}
     */
    static Actor system() {
        return SystemActor.INSTANCE;
    }
}
