package dev.certificatetransfer.adapter.http;

import static dev.certificatetransfer.adapter.http.Requests.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.certificatetransfer.adapter.http.message.HttpResponse;
import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.CertificateEvent;
import dev.certificatetransfer.domain.CertificateStatus;
import dev.certificatetransfer.domain.Principal;
import dev.certificatetransfer.testing.Accounts;
import dev.certificatetransfer.testing.TestCertificates;
import io.vavr.control.Option;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Accounts that are tenants: the envelope dialect takes every account id the core takes; the AWS dialect reads and
 * writes only AWS's 12 digits, so an AWS client never sees a tenant's id.
 */
class TenantAccountsOnTheWireTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private static final String ID = TestCertificates.id(0).value();
    private static final AccountId ACME = new AccountId("acme.eu-1");
    private static final AccountId GLOBEX = new AccountId("Globex_Corp");

    private final HttpFixture fixture = new HttpFixture(CLOCK);
    private final CertificateTransferHttpApi aws =
            fixture.api(Dialect.AWS, TestAuthenticators.trustingTestAccountHeader());
    private final CertificateTransferHttpApi envelope =
            fixture.api(Dialect.ENVELOPE, TestAuthenticators.trustingTestAccountHeader());

    private static String body(HttpResponse response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private void registeredBy(AccountId owner) {
        fixture.service
                .registerCertificateWithoutCa(
                        Principal.root(owner), TestCertificates.parsed(0), CertificateStatus.INACTIVE)
                .get();
    }

    @Nested
    class In_the_envelope_dialect {

        @Test
        void a_tenant_registers_transfers_and_another_tenant_accepts() {
            var pem = TestCertificates.pem(0).replace("\n", "\\n");
            var registered = envelope.handle(
                    request("POST", "/certificate/register-no-ca", ACME, "{\"certificatePem\":\"" + pem + "\"}"));
            assertThat(body(registered)).contains("\"certificateArn\":\"arn:aws:iot:us-east-1:acme.eu-1:cert/" + ID);

            var transferred = envelope.handle(
                    request("PATCH", "/transfer-certificate/" + ID + "?targetAwsAccount=" + GLOBEX, ACME, ""));
            assertThat(transferred.status()).isEqualTo(200);
            assertThat(body(transferred))
                    .contains("\"transferredCertificateArn\":\"arn:aws:iot:us-east-1:Globex_Corp:cert/" + ID);

            var accepted = envelope.handle(request("PATCH", "/accept-certificate-transfer/" + ID, GLOBEX, ""));
            assertThat(body(accepted)).contains("\"ownedBy\":\"Globex_Corp\"", "\"previousOwnedBy\":\"acme.eu-1\"");
            assertThat(fixture.events.events().map(CertificateEvent::actor))
                    .containsExactly(Principal.root(ACME), Principal.root(ACME), Principal.root(GLOBEX));
        }

        @ParameterizedTest
        @ValueSource(strings = {"acme%2Fops", "acme%20corp", "x65"})
        void a_target_that_is_no_account_id_is_a_validation_error(String target) {
            registeredBy(ACME);
            var raw = target.equals("x65") ? "x".repeat(65) : target;
            var before = fixture.snapshot();

            var response = envelope.handle(
                    request("PATCH", "/transfer-certificate/" + ID + "?targetAwsAccount=" + raw, ACME, ""));

            assertThat(response.status()).isEqualTo(400);
            assertThat(body(response)).contains("\"code\":\"VALIDATION_ERROR\"");
            assertThat(fixture.snapshot()).isEqualTo(before);
        }
    }

    @Nested
    class In_the_aws_dialect {

        @ParameterizedTest
        @ValueSource(strings = {"acme", "12345678901", "1234567890123", "12345678901a", "globex.eu-1"})
        void a_target_that_is_not_12_digits_is_an_invalid_request(String target) {
            registeredBy(Accounts.ALICE);
            var before = fixture.snapshot();

            var response = aws.handle(request(
                    "PATCH", "/transfer-certificate/" + ID + "?targetAwsAccount=" + target, Accounts.ALICE, ""));

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.headers()).containsEntry("x-amzn-ErrorType", "InvalidRequestException");
            assertThat(body(response)).doesNotContain(target);
            assertThat(fixture.snapshot()).isEqualTo(before);
        }

        @Test
        void a_caller_whose_account_is_not_12_digits_is_not_recognized() {
            registeredBy(ACME);
            var before = fixture.snapshot();

            var response = aws.handle(request("GET", "/certificates/" + ID, ACME, ""));

            assertThat(response.status()).isEqualTo(403);
            assertThat(response.headers()).containsEntry("x-amzn-ErrorType", "UnrecognizedClientException");
            assertThat(body(response)).doesNotContain(ACME.value());
            assertThat(fixture.snapshot()).isEqualTo(before);
        }

        @Test
        void an_answer_that_would_name_a_tenant_is_an_internal_failure_that_does_not_name_it() {
            registeredBy(ACME);
            fixture.service
                    .transferCertificate(Principal.root(ACME), TestCertificates.id(0), Accounts.BOB, Option.none())
                    .get();

            var described = aws.handle(request("GET", "/certificates/" + ID, Accounts.BOB, ""));
            var listed = aws.handle(request("GET", "/certificates", Accounts.BOB, ""));

            for (var response : java.util.List.of(described, listed)) {
                assertThat(response.status()).isEqualTo(500);
                assertThat(response.headers()).containsEntry("x-amzn-ErrorType", "InternalFailureException");
                assertThat(body(response)).doesNotContain(ACME.value());
            }
            assertThat(aws.handle(request("GET", "/certificates", Accounts.ALICE, ""))
                            .status())
                    .isEqualTo(200);
        }
    }
}
