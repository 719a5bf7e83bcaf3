package dev.certificatetransfer.adapter.http;

import io.vavr.control.Option;

import java.util.List;

/**
 * Every operation with its method and path (AWS's restJson1 bindings, docs/behaviour.md#13-on-the-wire); a segment in
 * braces, such as {@code {certificateId}} or {@code {thingName}}, is the path's one label. Both dialects use these
 * same routes.
 */
enum Operation {
    TRANSFER_CERTIFICATE("TransferCertificate", "PATCH", "transfer-certificate", "{certificateId}"),
    ACCEPT_CERTIFICATE_TRANSFER("AcceptCertificateTransfer", "PATCH", "accept-certificate-transfer", "{certificateId}"),
    REJECT_CERTIFICATE_TRANSFER("RejectCertificateTransfer", "PATCH", "reject-certificate-transfer", "{certificateId}"),
    CANCEL_CERTIFICATE_TRANSFER("CancelCertificateTransfer", "PATCH", "cancel-certificate-transfer", "{certificateId}"),
    DESCRIBE_CERTIFICATE("DescribeCertificate", "GET", "certificates", "{certificateId}"),
    UPDATE_CERTIFICATE("UpdateCertificate", "PUT", "certificates", "{certificateId}"),
    DELETE_CERTIFICATE("DeleteCertificate", "DELETE", "certificates", "{certificateId}"),
    LIST_CERTIFICATES("ListCertificates", "GET", "certificates"),
    LIST_OUTGOING_CERTIFICATES("ListOutgoingCertificates", "GET", "certificates-out-going"),
    REGISTER_CERTIFICATE_WITHOUT_CA("RegisterCertificateWithoutCA", "POST", "certificate", "register-no-ca"),
    CREATE_KEYS_AND_CERTIFICATE("CreateKeysAndCertificate", "POST", "keys-and-certificate"),
    CREATE_CERTIFICATE_FROM_CSR("CreateCertificateFromCsr", "POST", "certificates"),
    CREATE_THING("CreateThing", "POST", "things", "{thingName}"),
    DESCRIBE_THING("DescribeThing", "GET", "things", "{thingName}"),
    DELETE_THING("DeleteThing", "DELETE", "things", "{thingName}"),
    CREATE_POLICY("CreatePolicy", "POST", "policies", "{policyName}"),
    GET_POLICY("GetPolicy", "GET", "policies", "{policyName}"),
    DELETE_POLICY("DeletePolicy", "DELETE", "policies", "{policyName}"),
    ATTACH_POLICY("AttachPolicy", "PUT", "target-policies", "{policyName}"),
    DETACH_POLICY("DetachPolicy", "POST", "target-policies", "{policyName}"),
    LIST_ATTACHED_POLICIES("ListAttachedPolicies", "POST", "attached-policies", "{target}"),
    LIST_TARGETS_FOR_POLICY("ListTargetsForPolicy", "POST", "policy-targets", "{policyName}"),
    ATTACH_THING_PRINCIPAL("AttachThingPrincipal", "PUT", "things", "{thingName}", "principals"),
    DETACH_THING_PRINCIPAL("DetachThingPrincipal", "DELETE", "things", "{thingName}", "principals"),
    LIST_PRINCIPAL_THINGS("ListPrincipalThings", "GET", "principals", "things"),
    LIST_THING_PRINCIPALS("ListThingPrincipals", "GET", "things", "{thingName}", "principals");

    private final String awsName;
    private final String method;

    @SuppressWarnings("ImmutableEnumChecker") // List.of: unmodifiable, its strings immutable
    private final List<String> segments;

    Operation(String awsName, String method, String... segments) {
        this.awsName = awsName;
        this.method = method;
        this.segments = List.of(segments);
    }

    /** AWS's name of the operation, as in {@code iot:CancelCertificateTransfer}. */
    public String awsName() {
        return awsName;
    }

    public String method() {
        return method;
    }

    /** The path template, such as {@code /certificates/{certificateId}}. */
    public String path() {
        return "/" + String.join("/", segments);
    }

    /** The path with its label, if it has one, replaced by the text (as sent: already percent-encoded). */
    String path(String label) {
        return "/"
                + String.join(
                        "/", segments.stream().map(s -> isLabel(s) ? label : s).toList());
    }

    private static boolean isLabel(String segment) {
        return segment.startsWith("{") && segment.endsWith("}");
    }

    /** Whether the decoded path segments fit this operation's template (a label matches any non-empty segment). */
    boolean matches(List<String> pathSegments) {
        if (pathSegments.size() != segments.size()) {
            return false;
        }
        for (int i = 0; i < segments.size(); i++) {
            var template = segments.get(i);
            var actual = pathSegments.get(i);
            if (isLabel(template) ? actual.isEmpty() : !template.equals(actual)) {
                return false;
            }
        }
        return true;
    }

    /** The decoded label of a matching path; none if the template has none. */
    Option<String> label(List<String> pathSegments) {
        for (int i = 0; i < segments.size(); i++) {
            if (isLabel(segments.get(i))) {
                return Option.some(pathSegments.get(i));
            }
        }
        return Option.none();
    }
}
