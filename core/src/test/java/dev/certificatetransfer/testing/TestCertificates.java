package dev.certificatetransfer.testing;

import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.domain.CertificatePem;
import dev.certificatetransfer.domain.ParsedCertificate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;

/** Real self-signed X.509 certificates (EC P-256) made for these tests, with their ids. */
public final class TestCertificates {

    /** How many distinct certificates there are. */
    public static final int COUNT = 6;

    private static final List<String> PEMS = IntStream.rangeClosed(1, COUNT)
            .mapToObj(i -> read("/certificates/device-" + i + ".pem"))
            .toList();

    private TestCertificates() {}

    /** The PEM of certificate {@code index} (0-based). */
    public static String pem(int index) {
        return PEMS.get(index);
    }

    /** The id of certificate {@code index}: the SHA-256 of its DER encoding. */
    public static CertificateId id(int index) {
        return parsed(index).id();
    }

    public static ParsedCertificate parsed(int index) {
        return CertificatePem.parse(pem(index)).getOrElseThrow(r -> new IllegalStateException(r.message()));
    }

    private static String read(String resource) {
        try (InputStream in = TestCertificates.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
