package dev.certificatetransfer.testing;

import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.domain.CertificatePem;
import dev.certificatetransfer.domain.ParsedCertificate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
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

    /**
     * Certificate 0 with the last four bytes of its serial number set to {@code n}: as many distinct certificates
     * (each its own id) as a test needs, all of the same PEM length. Its signature no longer verifies, which
     * registration does not check.
     */
    public static ParsedCertificate variant(int n) {
        var body = pem(0).replace("-----BEGIN CERTIFICATE-----", "").replace("-----END CERTIFICATE-----", "");
        byte[] der = Base64.getMimeDecoder().decode(body);
        int version = contentStart(der, contentStart(der, 0)); // Certificate, then TBSCertificate: [0] version
        int serial = end(der, version);
        if (der[serial] != 0x02 || end(der, serial) - contentStart(der, serial) < 5) {
            throw new IllegalStateException("certificate 0 has no serial number of five bytes or more");
        }
        int last4 = end(der, serial) - 4;
        for (int i = 0; i < 4; i++) {
            der[last4 + i] = (byte) (n >>> (24 - 8 * i));
        }
        var armoured = "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder().encodeToString(der)
                + "\n-----END CERTIFICATE-----\n";
        return CertificatePem.parse(armoured).getOrElseThrow(r -> new IllegalStateException(r.message()));
    }

    /** Where the content of the DER element at {@code at} starts, after its tag and length. */
    private static int contentStart(byte[] der, int at) {
        int first = der[at + 1] & 0xff;
        return at + 2 + (first < 0x80 ? 0 : first & 0x7f);
    }

    /** Where the DER element at {@code at} ends. */
    private static int end(byte[] der, int at) {
        int first = der[at + 1] & 0xff;
        int length = first;
        if (first >= 0x80) {
            length = 0;
            for (int i = 0; i < (first & 0x7f); i++) {
                length = (length << 8) | (der[at + 2 + i] & 0xff);
            }
        }
        return contentStart(der, at) + length;
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
