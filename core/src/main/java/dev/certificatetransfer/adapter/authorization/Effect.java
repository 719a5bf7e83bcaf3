package dev.certificatetransfer.adapter.authorization;

/** Whether a policy statement allows or denies what it matches. */
public enum Effect {
    ALLOW,
    DENY
}
