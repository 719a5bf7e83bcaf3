package dev.certificatetransfer.domain;

/** How devices present the certificate; certificates registered without a CA are {@code SNI_ONLY} (AWS). */
public enum CertificateMode {
    DEFAULT,
    SNI_ONLY
}
