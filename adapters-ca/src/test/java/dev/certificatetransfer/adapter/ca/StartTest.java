package dev.certificatetransfer.adapter.ca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.certificatetransfer.adapter.memory.InMemoryAuthorityStore;
import dev.certificatetransfer.port.out.AuthorityStore;
import dev.certificatetransfer.port.out.AuthorityStore.StoredAuthority;
import io.vavr.control.Option;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** The CA: created once per store, with the first start, and refused with a clear message when it cannot be used. */
class StartTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T10:15:30Z"), ZoneOffset.UTC);

    @Nested
    class OnAnEmptyStore {

        @Test
        void the_first_start_creates_a_self_signed_ca_and_stores_it() throws Exception {
            var store = new InMemoryAuthorityStore();
            var issuer = BouncyCastleCertificateIssuer.start(store, CLOCK);
            var ca = Pki.certificate(issuer.authorityCertificatePem());

            ca.verify(ca.getPublicKey());
            assertThat(ca.getSubjectX500Principal().getName()).isEqualTo("CN=certificate-transfer deployment CA");
            assertThat(ca.getIssuerX500Principal()).isEqualTo(ca.getSubjectX500Principal());
            assertThat(ca.getBasicConstraints()).isGreaterThanOrEqualTo(0);
            assertThat(ca.getCriticalExtensionOIDs()).contains("2.5.29.19", "2.5.29.15");
            assertThat(ca.getKeyUsage()[5]).as("keyCertSign").isTrue();
            assertThat(ca.getKeyUsage()[6]).as("cRLSign").isTrue();
            assertThat(ca.getNotAfter().toInstant()).isEqualTo(Instant.parse("2049-12-31T23:59:59Z"));
            assertThat(store.load().get().certificatePem()).isEqualTo(issuer.authorityCertificatePem());
            assertThat(store.load().get().privateKeyPem()).startsWith("-----BEGIN PRIVATE KEY-----\n");
        }

        @Test
        void a_later_start_on_the_same_store_uses_the_same_ca() throws Exception {
            var store = new InMemoryAuthorityStore();
            var first = BouncyCastleCertificateIssuer.start(store, CLOCK);
            var second = BouncyCastleCertificateIssuer.start(store, CLOCK);
            var ca = Pki.certificate(first.authorityCertificatePem());

            assertThat(second.authorityCertificatePem()).isEqualTo(first.authorityCertificatePem());
            Pki.certificate(first.issueWithNewKeys().certificatePem()).verify(ca.getPublicKey());
            Pki.certificate(second.issueWithNewKeys().certificatePem()).verify(ca.getPublicKey());
        }

        @Test
        void started_on_first_use_the_store_is_not_asked_until_the_first_call_and_then_once() throws Exception {
            var store = new InMemoryAuthorityStore();
            var loads = new java.util.concurrent.atomic.AtomicInteger();
            var counting = new AuthorityStore() {
                @Override
                public Option<StoredAuthority> load() {
                    loads.incrementAndGet();
                    return store.load();
                }

                @Override
                public StoredAuthority saveIfAbsent(StoredAuthority authority) {
                    return store.saveIfAbsent(authority);
                }
            };
            var issuer = BouncyCastleCertificateIssuer.startOnFirstUse(counting, CLOCK);
            assertThat(loads).hasValue(0);
            assertThat(store.load()).isEmpty();

            var ca = Pki.certificate(issuer.authorityCertificatePem());
            Pki.certificate(issuer.issueWithNewKeys().certificatePem()).verify(ca.getPublicKey());

            assertThat(loads).hasValue(1);
            assertThat(store.load().get().certificatePem()).isEqualTo(issuer.authorityCertificatePem());
        }

        @Test
        void two_starts_that_both_find_no_ca_end_with_the_one_the_store_kept() throws Exception {
            var store = new BothSaveAtOnceStore();
            var executor = Executors.newFixedThreadPool(2);
            try {
                var one = executor.submit(() -> BouncyCastleCertificateIssuer.start(store, CLOCK));
                var other = executor.submit(() -> BouncyCastleCertificateIssuer.start(store, CLOCK));
                var oneIssuer = one.get(60, TimeUnit.SECONDS);
                var otherIssuer = other.get(60, TimeUnit.SECONDS);
                var kept = store.load().get().certificatePem();

                assertThat(store.saves()).as("both created and saved a CA").isEqualTo(2);
                assertThat(oneIssuer.authorityCertificatePem()).isEqualTo(kept);
                assertThat(otherIssuer.authorityCertificatePem()).isEqualTo(kept);
                var ca = Pki.certificate(kept);
                Pki.certificate(otherIssuer.issueWithNewKeys().certificatePem()).verify(ca.getPublicKey());
            } finally {
                executor.shutdownNow();
            }
        }
    }

    @Nested
    class AStoredCaThatCannotBeUsed {

        private final StoredAuthority good = created();

        @Test
        void a_certificate_that_is_not_pem_is_refused() {
            assertUnusable(
                    new StoredAuthority("not a certificate at all", good.privateKeyPem()), "its certificate must be");
        }

        @Test
        void a_private_key_with_corrupt_bytes_is_refused_without_quoting_it() {
            var lines = good.privateKeyPem().split("\n");
            lines[1] = "A".repeat(lines[1].length());
            lines[2] = "B".repeat(lines[2].length());
            assertUnusable(
                    new StoredAuthority(good.certificatePem(), String.join("\n", lines)),
                    "its private key is not a PKCS#8 RSA private key");
        }

        @Test
        void a_private_key_of_another_ca_is_refused_without_quoting_it() {
            var other = created();

            assertUnusable(
                    new StoredAuthority(good.certificatePem(), other.privateKeyPem()),
                    "its private key does not belong to its certificate");
        }

        @Test
        void an_end_entity_certificate_is_refused() throws Exception {
            var issued = BouncyCastleCertificateIssuer.start(new InMemoryAuthorityStore(), CLOCK)
                    .issueWithNewKeys();
            var pkcs8 =
                    Pki.pemOf(Pki.pkcs1KeyPair(issued.keyPair().privateKey()).getPrivate());

            assertUnusable(
                    new StoredAuthority(issued.certificatePem(), pkcs8), "its certificate is not a CA certificate");
        }

        private void assertUnusable(StoredAuthority stored, String reason) {
            var store = new InMemoryAuthorityStore();
            store.saveIfAbsent(stored);

            assertThatThrownBy(() -> BouncyCastleCertificateIssuer.start(store, CLOCK))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("The stored certificate authority cannot be used: ")
                    .hasMessageContaining(reason)
                    .satisfies(thrown -> Secrets.assertNoCauseQuotes(thrown, stored.privateKeyPem()));
        }

        private static StoredAuthority created() {
            var store = new InMemoryAuthorityStore();
            BouncyCastleCertificateIssuer.start(store, CLOCK);
            return store.load().get();
        }
    }

    /**
     * A store in memory whose {@code saveIfAbsent} lets no save through until two have begun, so two starts on it
     * both find it empty and both create a CA before either is stored.
     */
    private static final class BothSaveAtOnceStore implements AuthorityStore {
        private final InMemoryAuthorityStore stored = new InMemoryAuthorityStore();
        private final CountDownLatch saving = new CountDownLatch(2);

        @Override
        public Option<StoredAuthority> load() {
            return stored.load();
        }

        @Override
        public StoredAuthority saveIfAbsent(StoredAuthority authority) {
            saving.countDown();
            try {
                if (!saving.await(60, TimeUnit.SECONDS)) {
                    throw new AssertionError("the other start never saved a CA");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            return stored.saveIfAbsent(authority);
        }

        long saves() {
            return 2 - saving.getCount();
        }
    }
}
