package dev.certificatetransfer.domain;

/** How devices present the certificate; certificates registered without a CA are {@code SNI_ONLY} (AWS). */
public enum CertificateMode {
    /** AWS's mode for certificates registered with a CA; no registration here sets it. */
    DEFAULT,
    /** The mode of every certificate registered without a CA. */
    SNI_ONLY
}
