package dev.certificatetransfer.port.out;

/** The answer of a port that grants or refuses a request: the {@link Authorizer} and the {@link TransferRule}. */
public enum Permission {
    /** The request may go ahead. */
    ALLOWED,
    /** The request is refused: the operation answers UNAUTHORIZED and changes nothing. */
    REFUSED
}
