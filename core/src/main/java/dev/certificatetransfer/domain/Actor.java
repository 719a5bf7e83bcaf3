package dev.certificatetransfer.domain;

/**
 * Who made a change: an account, through its call, or the system itself (an expired transfer, which no account's
 * call decided). Events name their actor with it.
 */
public sealed interface Actor permits AccountId, SystemActor {

    /**
     * The system, acting on its own rules rather than on an account's call.
     *
     * @return {@link SystemActor#INSTANCE}
     */
    static Actor system() {
        return SystemActor.INSTANCE;
    }
}
