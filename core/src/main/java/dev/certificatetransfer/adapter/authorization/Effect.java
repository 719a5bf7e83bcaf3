package dev.certificatetransfer.adapter.authorization;

/** Whether a policy statement allows or denies what it matches. */
public enum Effect {
    /** The statement allows what it matches, unless another statement denies it. */
    ALLOW,
    /** The statement denies what it matches, whatever any other statement allows. */
    DENY
}
