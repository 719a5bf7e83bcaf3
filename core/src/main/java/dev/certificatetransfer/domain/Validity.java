package dev.certificatetransfer.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * The period in which an X.509 certificate is valid, read from the certificate itself.
 *
 * @param notBefore the certificate's notBefore date
 * @param notAfter the certificate's notAfter date
 */
public record Validity(Instant notBefore, Instant notAfter) {

    /**
     * A validity period, as the certificate states it (not checked to be in order).
     *
     * @param notBefore the certificate's notBefore date
     * @param notAfter the certificate's notAfter date
     * @throws NullPointerException if either is null
     */
    public Validity {
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(notAfter, "notAfter");
    }
}
