package dev.certificatetransfer.examples;

import dev.certificatetransfer.domain.CertificatePem;
import dev.certificatetransfer.domain.ParsedCertificate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Self-signed demo certificates shipped with the examples. */
public final class DemoCertificates {

    private DemoCertificates() {}

    /** How many demo certificates there are, numbered from 1. */
    public static final int COUNT = 6;

    /** Demo certificate {@code number}, parsed as an adapter parses what a caller sends. */
    public static ParsedCertificate parsed(int number) {
        return CertificatePem.parse(pem(number))
                .getOrElseThrow(refusal -> new IllegalStateException(refusal.message()));
    }

    /** The PEM of demo certificate {@code number}, from 1 to {@link #COUNT}. */
    public static String pem(int number) {
        var resource = "/demo/device-" + number + ".pem";
        try (InputStream in = DemoCertificates.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no demo certificate " + number);
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
