package dev.certificatetransfer.adapter.http;

import static dev.certificatetransfer.adapter.http.Requests.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.certificatetransfer.adapter.http.message.HttpResponse;
import dev.certificatetransfer.domain.CertificateStatus;
import dev.certificatetransfer.domain.Principal;
import dev.certificatetransfer.testing.Accounts;
import dev.certificatetransfer.testing.TestCertificates;
import dev.certificatetransfer.testing.TickingClock;
import io.vavr.control.Option;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;

/**
 * The AWS dialect through the translation layer alone: routes, decoding, query names, bodies and the answers' shape.
 */
class AwsDialectTest {

    private static final String ID = TestCertificates.id(0).value();
    private static final Principal ALICE = Principal.root(Accounts.ALICE);

    private final HttpFixture fixture = new HttpFixture(new TickingClock());
    private final CertificateTransferHttpApi api =
            fixture.api(Dialect.AWS, TestAuthenticators.trustingTestAccountHeader());

    private void registered(CertificateStatus status) {
        fixture.service
                .registerCertificateWithoutCa(ALICE, TestCertificates.parsed(0), status)
                .get();
    }

    private void pendingToBob() {
        registered(CertificateStatus.INACTIVE);
        fixture.service
                .transferCertificate(ALICE, TestCertificates.id(0), Accounts.BOB, Option.none())
                .get();
    }

    private HttpResponse handle(String method, String pathAndQuery, String body) {
        return api.handle(request(method, pathAndQuery, Accounts.ALICE, body));
    }

    private static JsonNode json(HttpResponse response) {
        try {
            return Json.MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void isError(HttpResponse response, int status, String type) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("x-amzn-ErrorType").getOrNull()).isEqualTo(type);
        assertThat(response.header("x-amzn-RequestId").getOrNull()).isNotBlank();
        assertThat(response.header("Content-Type").getOrNull()).isEqualTo("application/json");
        assertThat(json(response).get("message").isTextual()).isTrue();
    }

    @Nested
    class Routes {

        @Test
        void every_operation_has_its_aws_method_and_path() {
            assertThat(java.util.Arrays.stream(Operation.values()).map(o -> o.method() + " " + o.path()))
                    .containsExactly(
                            "PATCH /transfer-certificate/{certificateId}",
                            "PATCH /accept-certificate-transfer/{certificateId}",
                            "PATCH /reject-certificate-transfer/{certificateId}",
                            "PATCH /cancel-certificate-transfer/{certificateId}",
                            "GET /certificates/{certificateId}",
                            "PUT /certificates/{certificateId}",
                            "DELETE /certificates/{certificateId}",
                            "GET /certificates",
                            "GET /certificates-out-going",
                            "POST /certificate/register-no-ca",
                            "POST /keys-and-certificate",
                            "POST /certificates",
                            "POST /things/{thingName}",
                            "GET /things/{thingName}",
                            "DELETE /things/{thingName}",
                            "POST /policies/{policyName}",
                            "GET /policies/{policyName}",
                            "DELETE /policies/{policyName}",
                            "PUT /target-policies/{policyName}",
                            "POST /target-policies/{policyName}",
                            "POST /attached-policies/{target}",
                            "POST /policy-targets/{policyName}",
                            "PUT /things/{thingName}/principals",
                            "DELETE /things/{thingName}/principals",
                            "GET /principals/things",
                            "GET /things/{thingName}/principals");
            for (Operation operation : Operation.values()) {
                var path = operation.path(ID);
                assertThat(RouteTable.route(operation.method(), path))
                        .isEqualTo(new Route.Found(operation, path.contains(ID) ? Option.some(ID) : Option.none()));
            }
        }

        @Test
        void an_unknown_path_is_404_resource_not_found() {
            isError(handle("GET", "/certificates-outgoing", null), 404, "ResourceNotFoundException");
            isError(handle("GET", "/certificates/", null), 404, "ResourceNotFoundException");
            isError(handle("GET", "//certificates", null), 404, "ResourceNotFoundException");
            isError(handle("GET", "*", null), 404, "ResourceNotFoundException");
        }

        @Test
        void a_wrong_method_is_405_with_the_allowed_ones() {
            var response = handle("POST", "/certificates/" + ID, null);

            isError(response, 405, "UnknownOperationException");
            assertThat(response.header("Allow").getOrNull()).isEqualTo("GET, PUT, DELETE");
            isError(handle("patch", "/cancel-certificate-transfer/" + ID, null), 405, "UnknownOperationException");
        }

        @Test
        void the_paths_of_things_policies_and_attachments_have_their_own_methods() {
            var thing = handle("PATCH", "/things/sensor-1", null);
            isError(thing, 405, "UnknownOperationException");
            assertThat(thing.header("Allow").getOrNull()).isEqualTo("POST, GET, DELETE");
            var principals = handle("POST", "/things/sensor-1/principals", null);
            isError(principals, 405, "UnknownOperationException");
            assertThat(principals.header("Allow").getOrNull()).isEqualTo("PUT, DELETE, GET");
            var targets = handle("GET", "/target-policies/devices", null);
            isError(targets, 405, "UnknownOperationException");
            assertThat(targets.header("Allow").getOrNull()).isEqualTo("PUT, POST");
            var certificates = handle("PATCH", "/certificates", null);
            assertThat(certificates.header("Allow").getOrNull()).isEqualTo("GET, POST");
            isError(handle("GET", "/things/sensor-1/principals/more", null), 404, "ResourceNotFoundException");
            isError(handle("GET", "/principals/things/more", null), 404, "ResourceNotFoundException");
        }

        @Test
        void a_certificate_arn_in_a_path_is_one_segment_decoded_once() {
            var arn = "arn:aws:iot:us-east-1:111111111111:cert/" + ID;
            var encoded = arn.replace(":", "%3A").replace("/", "%2F");

            assertThat(RouteTable.route("POST", "/attached-policies/" + encoded))
                    .isEqualTo(new Route.Found(Operation.LIST_ATTACHED_POLICIES, Option.some(arn)));
            assertThat(RouteTable.route("POST", "/attached-policies/" + encoded.replace("%", "%25")))
                    .isEqualTo(new Route.Found(Operation.LIST_ATTACHED_POLICIES, Option.some(encoded)));
            assertThat(RouteTable.route("POST", "/attached-policies/" + arn)).isEqualTo(new Route.NoSuchPath());
        }

        @Test
        void a_request_without_credentials_to_a_new_path_is_refused_from_its_head() {
            var head = new dev.certificatetransfer.adapter.http.message.HttpRequest(
                    "PUT",
                    "/target-policies/devices",
                    null,
                    java.util.Map.of("content-length", java.util.List.of("60")),
                    null);

            var signing = CertificateTransferHttpApi.builder()
                    .service(fixture.service)
                    .dialect(Dialect.AWS)
                    .credentials(new TestCredentials())
                    .build();

            var check = signing.checkHead(head);

            assertThat(check).isInstanceOf(HeadCheck.Answered.class);
            var response = ((HeadCheck.Answered) check).response();
            isError(response, 403, "MissingAuthenticationTokenException");
            assertThat(response.header("Connection").getOrNull()).isEqualTo("close");
        }

        @Test
        void routing_comes_before_authentication() {
            isError(api.handle(request("GET", "/nowhere", null, (String) null)), 404, "ResourceNotFoundException");
            isError(
                    api.handle(request("GET", "/certificates", null, (String) null)),
                    403,
                    "MissingAuthenticationTokenException");
        }
    }

    @Nested
    class PercentDecoding {

        @Test
        void a_path_segment_is_decoded_once() {
            registered(CertificateStatus.INACTIVE);
            var encoded = "%" + Integer.toHexString(ID.charAt(0)) + ID.substring(1);

            assertThat(handle("GET", "/certificates/" + encoded, null).status()).isEqualTo(200);
            isError(
                    handle("GET", "/certificates/%25" + Integer.toHexString(ID.charAt(0)) + ID.substring(1), null),
                    400,
                    "InvalidRequestException");
        }

        @Test
        void an_encoded_slash_stays_inside_its_segment() {
            isError(
                    handle("GET", "/certificates/" + ID.substring(0, 32) + "%2F" + ID.substring(35), null),
                    400,
                    "InvalidRequestException");
            isError(handle("GET", "/certificates%2F" + ID, null), 404, "ResourceNotFoundException");
        }

        @Test
        void malformed_or_non_utf8_encoding_is_an_invalid_request() {
            isError(handle("GET", "/certificates/%zz", null), 400, "InvalidRequestException");
            isError(handle("GET", "/certificates/%ff%fe", null), 400, "InvalidRequestException");
            isError(handle("GET", "/certificates?marker=%", null), 400, "InvalidRequestException");
        }

        @Test
        void query_values_are_decoded_once_and_plus_is_not_a_space() {
            pendingToBob();
            var target = "%32%32%32%32%32%32%32%32%32%32%32%32";
            assertThat(handle("GET", "/certificates-out-going?pageSize=%31", null)
                            .status())
                    .isEqualTo(200);

            var cancelled = handle("PATCH", "/cancel-certificate-transfer/" + ID, null);
            var again = handle("PATCH", "/transfer-certificate/" + ID + "?targetAwsAccount=" + target, null);

            assertThat(cancelled.status()).isEqualTo(200);
            assertThat(again.status()).as(again.toString()).isEqualTo(200);
            isError(handle("GET", "/certificates?marker=a+b=", null), 400, "InvalidRequestException");
        }
    }

    @Nested
    class QueryParameters {

        @Test
        void names_are_matched_exactly_and_a_missing_required_one_is_400() {
            registered(CertificateStatus.INACTIVE);

            isError(
                    handle("PATCH", "/transfer-certificate/" + ID + "?targetawsaccount=222222222222", null),
                    400,
                    "InvalidRequestException");
            isError(handle("PUT", "/certificates/" + ID, null), 400, "InvalidRequestException");
            assertThat(fixture.events.events()).hasSize(1);
        }

        @Test
        void booleans_are_exactly_true_or_false() {
            pendingToBob();

            isError(
                    api.handle(request(
                            "PATCH", "/accept-certificate-transfer/" + ID + "?setAsActive=TRUE", Accounts.BOB, (String)
                                    null)),
                    400,
                    "InvalidRequestException");
            isError(
                    api.handle(request(
                            "PATCH", "/accept-certificate-transfer/" + ID + "?setAsActive=", Accounts.BOB, (String)
                                    null)),
                    400,
                    "InvalidRequestException");
            var accepted = api.handle(request(
                    "PATCH", "/accept-certificate-transfer/" + ID + "?setAsActive=true", Accounts.BOB, (String) null));

            assertThat(accepted.status()).isEqualTo(200);
            assertThat(fixture.repository
                            .find(TestCertificates.id(0))
                            .certificate()
                            .get()
                            .status())
                    .isEqualTo(CertificateStatus.ACTIVE);
        }

        @Test
        void a_repeated_parameter_is_an_invalid_request_and_an_unknown_one_is_ignored() {
            isError(handle("GET", "/certificates?pageSize=1&pageSize=2", null), 400, "InvalidRequestException");
            assertThat(handle("GET", "/certificates?x-id=ListCertificates&pageSize=2", null)
                            .status())
                    .isEqualTo(200);
        }
    }

    /** The input of the calls around a transfer: each wrong member, header or query value is refused with 400. */
    @Nested
    class InputOfThingsPoliciesAndAttachments {

        private static final String ARN = "arn:aws:iot:us-east-1:111111111111:cert/";

        private HttpResponse withPrincipals(String method, String pathAndQuery, String... principals) {
            var split = pathAndQuery.split("\\?", 2);
            return api.handle(new dev.certificatetransfer.adapter.http.message.HttpRequest(
                    method,
                    split[0],
                    split.length > 1 ? split[1] : null,
                    java.util.Map.of(
                            TestAuthenticators.TEST_ACCOUNT,
                            java.util.List.of(Accounts.ALICE.value()),
                            "x-amzn-principal",
                            java.util.List.of(principals)),
                    null));
        }

        private void refusedWith(HttpResponse response, String type, String message) {
            isError(response, 400, type);
            assertThat(json(response).get("message").asText()).isEqualTo(message);
        }

        @Test
        void create_thing_reads_attributes_as_an_object_of_strings_and_takes_no_type() {
            refusedWith(
                    handle("POST", "/things/sensor-1", "{\"attributePayload\":[]}"),
                    "InvalidRequestException",
                    "attributePayload must be an object");
            refusedWith(
                    handle("POST", "/things/sensor-1", "{\"attributePayload\":{\"attributes\":{\"a\":1}}}"),
                    "InvalidRequestException",
                    "the values of attributes must be strings");
            refusedWith(
                    handle("POST", "/things/sensor-1", "{\"billingGroupName\":\"g\"}"),
                    "InvalidRequestException",
                    "This service keeps no billing groups: billingGroupName is not supported");
            assertThat(handle("POST", "/things/sensor-1", "{\"attributePayload\":{\"attributes\":null}}")
                            .status())
                    .isEqualTo(200);
        }

        @Test
        void expected_version_is_an_ascii_whole_number() {
            fixture.service
                    .createThing(
                            ALICE,
                            new dev.certificatetransfer.domain.ThingName("sensor-1"),
                            dev.certificatetransfer.domain.ThingAttributes.NONE)
                    .get();
            for (var version : new String[] {"%D9%A1", "%2B1", "1.0", "", "99999999999999999999"}) {
                refusedWith(
                        handle("DELETE", "/things/sensor-1?expectedVersion=" + version, null),
                        "InvalidRequestException",
                        "expectedVersion must be a whole number");
            }
            isError(handle("DELETE", "/things/sensor-1?expectedVersion=-1", null), 409, "VersionConflictException");
            assertThat(handle("DELETE", "/things/sensor-1?expectedVersion=01", null)
                            .status())
                    .isEqualTo(200);
        }

        @Test
        void a_policy_document_of_the_wrong_type_is_invalid_and_a_missing_one_malformed() {
            refusedWith(
                    handle("POST", "/policies/devices", "{\"policyDocument\":{}}"),
                    "InvalidRequestException",
                    "policyDocument must be a string");
            isError(handle("POST", "/policies/devices", "{}"), 400, "MalformedPolicyException");
        }

        @Test
        void a_target_a_principal_and_a_request_must_be_strings_given_once() {
            refusedWith(
                    handle("PUT", "/target-policies/devices", "{\"target\":7}"),
                    "InvalidRequestException",
                    "target must be a string");
            refusedWith(
                    handle("PUT", "/target-policies/devices", "{}"), "InvalidRequestException", "target is required");
            refusedWith(
                    withPrincipals("PUT", "/things/sensor-1/principals", ARN + ID, ARN + ID),
                    "InvalidRequestException",
                    "The header x-amzn-principal is required, once");
            refusedWith(
                    withPrincipals("GET", "/principals/things"),
                    "InvalidRequestException",
                    "The header x-amzn-principal is required, once");
            refusedWith(
                    handle("POST", "/certificates", "{\"certificateSigningRequest\":5}"),
                    "InvalidRequestException",
                    "certificateSigningRequest must be a string");
        }

        @Test
        void recursive_is_a_boolean_and_the_page_parameters_are_named_as_sent() {
            registered(CertificateStatus.INACTIVE);
            var encoded = (ARN + ID).replace(":", "%3A").replace("/", "%2F");

            refusedWith(
                    handle("POST", "/attached-policies/" + encoded + "?recursive=yes", null),
                    "InvalidRequestException",
                    "recursive must be true or false");
            assertThat(handle("POST", "/attached-policies/" + encoded + "?recursive=true", null)
                            .status())
                    .isEqualTo(200);
            refusedWith(
                    withPrincipals("GET", "/principals/things?maxResults=251", ARN + ID),
                    "InvalidRequestException",
                    "maxResults must be between 1 and 250");
            refusedWith(
                    withPrincipals("GET", "/principals/things?nextToken=%2B", ARN + ID),
                    "InvalidRequestException",
                    "nextToken is not a marker this service issued");
            refusedWith(
                    handle("POST", "/attached-policies/" + encoded + "?marker=abc&marker=abc", null),
                    "InvalidRequestException",
                    "marker must be given at most once");
        }
    }

    @Nested
    class Bodies {

        @Test
        void absent_empty_empty_object_null_members_and_unknown_members_are_accepted() {
            registered(CertificateStatus.INACTIVE);
            for (String body :
                    new String[] {null, "", " \n", "{}", "{\"transferMessage\":null}", "{\"other\":[1,{}]}"}) {
                var transfer = handle("PATCH", "/transfer-certificate/" + ID + "?targetAwsAccount=222222222222", body);
                assertThat(transfer.status()).as("body %s: %s", body, transfer).isEqualTo(200);
                assertThat(handle("PATCH", "/cancel-certificate-transfer/" + ID, body)
                                .status())
                        .isEqualTo(200);
            }
        }

        @Test
        void not_json_not_an_object_a_wrong_type_or_not_utf8_is_an_invalid_request() {
            registered(CertificateStatus.INACTIVE);
            var path = "/transfer-certificate/" + ID + "?targetAwsAccount=222222222222";
            for (String body : new String[] {
                "{",
                "[]",
                "\"text\"",
                "1",
                "null",
                "{\"transferMessage\":5}",
                "{\"transferMessage\":{}}",
                "{} {}",
                "{\"a\":1,\"a\":2}",
                "{\"a\":".repeat(100) + "1" + "}".repeat(100)
            }) {
                isError(handle("PATCH", path, body), 400, "InvalidRequestException");
            }
            isError(
                    api.handle(request("PATCH", path, Accounts.ALICE, new byte[] {'{', '"', (byte) 0xC3, '"', '}'})),
                    400,
                    "InvalidRequestException");
            assertThat(fixture.events.events()).hasSize(1);
        }

        @Test
        void a_body_over_64_kib_is_413_and_one_of_64_kib_is_read() {
            var limit = CertificateTransferHttpApi.MAX_BODY_BYTES;
            var atLimit = "{\"pad\":\"" + "x".repeat(limit - 10) + "\"}";

            assertThat(atLimit).hasSize(limit);
            assertThat(handle("GET", "/certificates", atLimit).status()).isEqualTo(200);
            isError(handle("GET", "/certificates", atLimit + " "), 413, "RequestEntityTooLargeException");
        }
    }

    @Nested
    class Answers {

        @Test
        void operations_without_output_send_an_empty_body_with_content_type_and_request_id() {
            pendingToBob();

            var response = handle("PATCH", "/cancel-certificate-transfer/" + ID, null);

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body()).isEmpty();
            assertThat(response.header("Content-Type").getOrNull()).isEqualTo("application/json");
            assertThat(response.header("x-amzn-RequestId").getOrNull()).isNotBlank();
        }

        @Test
        void a_never_transferred_certificate_shows_empty_transfer_data_and_no_previous_owner() {
            registered(CertificateStatus.INACTIVE);

            var description = json(handle("GET", "/certificates/" + ID, null)).get("certificateDescription");

            assertThat(description.get("transferData").isObject()).isTrue();
            assertThat(description.get("transferData").size()).isZero();
            assertThat(description.has("previousOwnedBy")).isFalse();
            assertThat(description.get("creationDate").isNumber()).isTrue();
        }

        @Test
        void a_page_with_more_to_come_carries_next_marker_and_the_last_does_not() {
            registered(CertificateStatus.INACTIVE);
            fixture.service.registerCertificateWithoutCa(ALICE, TestCertificates.parsed(1), CertificateStatus.INACTIVE);

            var first = json(handle("GET", "/certificates?pageSize=1", null));
            var marker = java.net.URLEncoder.encode(
                    first.get("nextMarker").textValue(), java.nio.charset.StandardCharsets.UTF_8);
            var last = json(handle("GET", "/certificates?pageSize=1&marker=" + marker, null));

            assertThat(first.get("certificates")).hasSize(1);
            assertThat(last.get("certificates")).hasSize(1);
            assertThat(last.has("nextMarker")).isFalse();
        }

        @Test
        void already_exists_adds_the_resource_id() {
            registered(CertificateStatus.INACTIVE);
            var pem = TestCertificates.pem(0).replace("\n", "\\n");

            var response = api.handle(request(
                    "POST", "/certificate/register-no-ca", Accounts.BOB, "{\"certificatePem\":\"" + pem + "\"}"));

            isError(response, 409, "ResourceAlreadyExistsException");
            assertThat(json(response).get("resourceId").textValue()).isEqualTo(ID);
        }

        @Test
        void timestamps_are_epoch_seconds_with_at_most_three_decimals_in_plain_notation() {
            assertThat(Json.timestamp(Instant.ofEpochMilli(1_541_022_751_983L)).toString())
                    .isEqualTo("1541022751.983");
            assertThat(Json.timestamp(Instant.ofEpochSecond(1_541_022_631L)).toPlainString())
                    .isEqualTo("1541022631.0");
            assertThat(Json.timestamp(Instant.ofEpochMilli(1_541_022_631_500L)).toPlainString())
                    .isEqualTo("1541022631.5");
            assertThat(Json.timestamp(Instant.parse("2049-12-31T23:59:59.999999Z"))
                            .toPlainString())
                    .isEqualTo("2524607999.999");
            assertThat(Json.timestamp(Instant.ofEpochMilli(-1500)).toPlainString())
                    .isEqualTo("-1.5");
            assertThat(new String(
                            Json.bytes(Json.object().put("t", Json.timestamp(Instant.ofEpochSecond(2_000_000_000L)))),
                            java.nio.charset.StandardCharsets.UTF_8))
                    .isEqualTo("{\"t\":2000000000.0}");
        }
    }
}
