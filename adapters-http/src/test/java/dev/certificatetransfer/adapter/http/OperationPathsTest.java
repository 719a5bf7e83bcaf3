package dev.certificatetransfer.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The operations' paths a host routes to the translation layer: every one of them, and only theirs. */
class OperationPathsTest {

    @Test
    void are_the_templates_of_every_operation_each_once() {
        assertThat(CertificateTransferHttpApi.operationPaths())
                .containsExactlyInAnyOrder(
                        "/transfer-certificate/{certificateId}",
                        "/accept-certificate-transfer/{certificateId}",
                        "/reject-certificate-transfer/{certificateId}",
                        "/cancel-certificate-transfer/{certificateId}",
                        "/certificates/{certificateId}",
                        "/certificates",
                        "/certificates-out-going",
                        "/certificate/register-no-ca",
                        "/keys-and-certificate",
                        "/things/{thingName}",
                        "/policies/{policyName}",
                        "/target-policies/{policyName}",
                        "/attached-policies/{target}",
                        "/policy-targets/{policyName}",
                        "/things/{thingName}/principals",
                        "/principals/things");
    }

    @Test
    void each_routes_to_an_operation() {
        for (String template : CertificateTransferHttpApi.operationPaths()) {
            var path = template.replaceAll("\\{[a-zA-Z]+}", "abc");
            assertThat(RouteTable.route("GET", path)).as(path).isNotInstanceOf(Route.NoSuchPath.class);
        }
    }
}
