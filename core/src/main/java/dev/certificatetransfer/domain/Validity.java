package dev.certificatetransfer.domain;

import java.time.Instant;
import java.util.Objects;

/** The period in which an X.509 certificate is valid, read from the certificate itself. */
public record Validity(Instant notBefore, Instant notAfter) {

    public Validity {
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(notAfter, "notAfter");
    }
}
