package dev.certificatetransfer.adapter.ca;

import static dev.certificatetransfer.adapter.ca.Secrets.assertQuotesNothingOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.certificatetransfer.adapter.memory.InMemoryAuthorityStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;

/** CreateCertificateFromCsr's half: a certificate for the key of a PKCS#10 request, or why the request is refused. */
class IssueFromCsrTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:15:30Z");
    private static final String NOT_DER = """
            -----BEGIN CERTIFICATE REQUEST-----
            bm90IGEgcmVxdWVzdCBhdCBhbGwsIGp1c3QgdGV4dA==
            -----END CERTIFICATE REQUEST-----
            """;
    private static final String NOT_BASE64 = """
            -----BEGIN CERTIFICATE REQUEST-----
            this is *not* base64 at all
            -----END CERTIFICATE REQUEST-----
            """;

    private static BouncyCastleCertificateIssuer issuer;
    private static X509Certificate ca;
    private static KeyPair rsa2048;

    @BeforeAll
    static void start() throws Exception {
        issuer = BouncyCastleCertificateIssuer.start(new InMemoryAuthorityStore(), Clock.fixed(NOW, ZoneOffset.UTC));
        ca = Pki.certificate(issuer.authorityCertificatePem());
        rsa2048 = Pki.rsa(2048);
    }

    @Nested
    class Issued {

        @Test
        void an_rsa_2048_request_gets_a_certificate_for_its_key_signed_by_the_ca() throws Exception {
            var certificate = issued(Pki.csr(rsa2048, "SHA256withRSA"));

            certificate.verify(ca.getPublicKey());
            assertThat(certificate.getPublicKey().getEncoded())
                    .isEqualTo(rsa2048.getPublic().getEncoded());
            assertThat(certificate.getKeyUsage()[2]).as("keyEncipherment").isTrue();
        }

        @Test
        void an_ec_p256_request_gets_a_certificate_for_its_key_for_signatures_only() throws Exception {
            var keys = Pki.ec("secp256r1");
            var certificate = issued(Pki.csr(keys, "SHA256withECDSA"));

            certificate.verify(ca.getPublicKey());
            assertThat(certificate.getPublicKey().getEncoded())
                    .isEqualTo(keys.getPublic().getEncoded());
            assertThat(certificate.getKeyUsage()[0]).as("digitalSignature").isTrue();
            assertThat(certificate.getKeyUsage()[2]).as("keyEncipherment").isFalse();
        }

        @Test
        void an_ec_p384_request_gets_a_certificate() throws Exception {
            var keys = Pki.ec("secp384r1");

            assertThat(issued(Pki.csr(keys, "SHA384withECDSA")).getPublicKey().getEncoded())
                    .isEqualTo(keys.getPublic().getEncoded());
        }

        @Test
        void the_certificate_has_the_fields_aws_issues_whatever_the_request_asks() throws Exception {
            var certificate = issued(Pki.csr(rsa2048, "SHA256withRSA"));

            assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=AWS IoT Certificate");
            assertThat(certificate.getNotBefore().toInstant()).isEqualTo(NOW);
            assertThat(certificate.getNotAfter().toInstant()).isEqualTo(Instant.parse("2049-12-31T23:59:59Z"));
            assertThat(certificate.getSerialNumber().signum()).isPositive();
            assertThat(certificate.getSerialNumber().toByteArray()).hasSizeGreaterThanOrEqualTo(16);
            assertThat(certificate.getBasicConstraints()).isEqualTo(-1);
        }

        @Test
        void text_around_the_block_crlf_line_breaks_and_a_byte_order_mark_are_tolerated() throws Exception {
            var pem = "\uFEFFSubject: CN=device\r\n"
                    + Pki.csr(rsa2048, "SHA256withRSA").replace("\n", "\r\n")
                    + "trailing words\r\n";

            assertThat(issued(pem).getPublicKey().getEncoded())
                    .isEqualTo(rsa2048.getPublic().getEncoded());
        }

        @Test
        void the_new_certificate_request_label_is_accepted() throws Exception {
            var pem = Pki.csr(rsa2048, "SHA256withRSA").replace("CERTIFICATE REQUEST", "NEW CERTIFICATE REQUEST");

            assertThat(issued(pem).getPublicKey().getEncoded())
                    .isEqualTo(rsa2048.getPublic().getEncoded());
        }

        private X509Certificate issued(String csr) throws Exception {
            var answer = issuer.issueFromCsr(csr);
            assertThat(answer.isRight()).as("issued, not refused: %s", answer).isTrue();
            return Pki.certificate(answer.get());
        }
    }

    @Nested
    class Refused {

        static Stream<Arguments> requests() throws Exception {
            var good = Pki.csr(rsa2048, "SHA256withRSA");
            var der = Pki.der(rsa2048, "SHA256withRSA");
            der[der.length - 1] ^= 0x01;
            return Stream.of(
                    Arguments.of("no text", "", "required"),
                    Arguments.of("text that is not PEM", "please sign my key, it is a good key", "PEM block"),
                    Arguments.of("a block whose base64 is no DER", NOT_DER, "PKCS#10"),
                    Arguments.of("a block that is not base64", NOT_BASE64, "base64"),
                    Arguments.of("a certificate", issuer.authorityCertificatePem(), "PEM block"),
                    Arguments.of("a request whose signature is broken", Pki.pem(der), "signature does not verify"),
                    Arguments.of("an RSA 1024 request", Pki.csr(Pki.rsa(1024), "SHA256withRSA"), "1024 bits"),
                    Arguments.of("an EC P-521 request", Pki.csr(Pki.ec("secp521r1"), "SHA512withECDSA"), "curve"),
                    Arguments.of("an Ed25519 request", Pki.csr(Pki.ed25519(), "Ed25519"), "type"),
                    Arguments.of("two requests", good + good, "exactly one"),
                    Arguments.of(
                            "a request with a private key after it",
                            good + "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n",
                            "no other block"),
                    Arguments.of(
                            "a request with a certificate before it",
                            issuer.authorityCertificatePem() + good,
                            "no other block"),
                    Arguments.of("a request in more than 64 KiB", good + "#".repeat(Pem.MAX_LENGTH), "65536"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("requests")
        void is_refused_with_a_reason_that_quotes_nothing_of_it(String what, String csr, String reason) {
            var answer = issuer.issueFromCsr(csr);

            assertThat(answer.isLeft()).as("refused: %s", what).isTrue();
            assertThat(answer.getLeft()).contains(reason);
            assertQuotesNothingOf(answer.getLeft(), csr);
        }

        @Test
        void null_is_refused() {
            assertThat(issuer.issueFromCsr(null).getLeft()).contains("required");
        }
    }
}
