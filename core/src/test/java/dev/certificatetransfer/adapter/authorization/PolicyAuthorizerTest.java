package dev.certificatetransfer.adapter.authorization;

import static dev.certificatetransfer.port.out.Permission.ALLOWED;
import static dev.certificatetransfer.port.out.Permission.REFUSED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.certificatetransfer.domain.CertificateArn;
import dev.certificatetransfer.domain.IotAction;
import dev.certificatetransfer.domain.Region;
import dev.certificatetransfer.domain.Resource;
import dev.certificatetransfer.testing.Accounts;
import dev.certificatetransfer.testing.TestCertificates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

/** IAM-style evaluation: wildcards, explicit deny wins, no match denies. */
class PolicyAuthorizerTest {

    private static final CertificateArn ARN =
            new CertificateArn(Region.US_EAST_1, Accounts.ALICE, TestCertificates.id(0));

    @Test
    void a_matching_allow_allows_and_no_match_denies() {
        var authorizer = PolicyAuthorizer.forEveryone(List.of(Policy.of(Statement.allow(
                List.of("iot:CancelCertificateTransfer"), List.of("arn:aws:iot:*:111111111111:cert/*")))));
        var alice = Accounts.principal(Accounts.ALICE);
        assertThat(authorizer.authorize(alice, IotAction.CANCEL_CERTIFICATE_TRANSFER, ARN))
                .isEqualTo(ALLOWED);
        assertThat(authorizer.authorize(alice, IotAction.ACCEPT_CERTIFICATE_TRANSFER, ARN))
                .isEqualTo(REFUSED);
        assertThat(authorizer.authorize(alice, IotAction.CANCEL_CERTIFICATE_TRANSFER, Resource.ANY))
                .isEqualTo(REFUSED);
    }

    @Test
    void an_explicit_deny_wins_over_any_allow() {
        var authorizer = PolicyAuthorizer.forEveryone(List.of(
                Policy.of(Statement.allow(List.of("iot:*"), List.of("*"))),
                Policy.of(Statement.deny(List.of("iot:Cancel*"), List.of("arn:aws:iot:us-east-1:*:cert/*")))));
        var alice = Accounts.principal(Accounts.ALICE);
        assertThat(authorizer.authorize(alice, IotAction.CANCEL_CERTIFICATE_TRANSFER, ARN))
                .isEqualTo(REFUSED);
        assertThat(authorizer.authorize(alice, IotAction.TRANSFER_CERTIFICATE, ARN))
                .isEqualTo(ALLOWED);
    }

    @Test
    void policies_are_chosen_per_principal() {
        var policies = Map.of(Accounts.ALICE, List.of(Policy.of(Statement.allow(List.of("*"), List.of("*")))));
        var authorizer = new PolicyAuthorizer(p -> policies.getOrDefault(p.account(), List.of()));
        assertThat(authorizer.authorize(Accounts.principal(Accounts.ALICE), IotAction.LIST_CERTIFICATES, Resource.ANY))
                .isEqualTo(ALLOWED);
        assertThat(authorizer.authorize(Accounts.principal(Accounts.BOB), IotAction.LIST_CERTIFICATES, Resource.ANY))
                .isEqualTo(REFUSED);
    }

    @ParameterizedTest
    @CsvSource({
        "iot:*, iot:CancelCertificateTransfer, true",
        "IOT:cancelcertificatetransfer, iot:CancelCertificateTransfer, true",
        "iot:?ancel*, iot:CancelCertificateTransfer, true",
        "iot:Cancel, iot:CancelCertificateTransfer, false",
        "*Transfer, iot:CancelCertificateTransfer, true",
        "iot:*Certificate*Transfer, iot:AcceptCertificateTransfer, true",
        "iot:*Certificate*Transfer, iot:ListCertificates, false",
        "iot:??, iot:, false",
    })
    void action_patterns_match_case_insensitively_with_wildcards(String pattern, String action, boolean matches) {
        assertThat(new WildcardPattern(pattern, true).matches(action)).isEqualTo(matches);
    }

    @ParameterizedTest
    @CsvSource({
        "arn:aws:iot:*:*:cert/*, arn:aws:iot:us-east-1:111111111111:cert/ab, true",
        "arn:aws:iot:us-east-?:111111111111:cert/ab, arn:aws:iot:us-east-1:111111111111:cert/ab, true",
        "arn:aws:iot:us-east-1:111111111111:cert/AB, arn:aws:iot:us-east-1:111111111111:cert/ab, false",
        "arn:aws:iot:*:222222222222:*, arn:aws:iot:us-east-1:111111111111:cert/ab, false",
        "**, '', true",
    })
    void resource_patterns_match_case_sensitively_with_wildcards(String pattern, String resource, boolean matches) {
        assertThat(new WildcardPattern(pattern, false).matches(resource)).isEqualTo(matches);
    }
}
