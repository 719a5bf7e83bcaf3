package dev.certificatetransfer.adapter.http;

import io.vavr.control.Option;

import java.util.List;

/**
 * Every operation with its method and path (AWS's restJson1 bindings, docs/behaviour.md#13-on-the-wire); a
 * {@code {certificateId}} segment is the path label. Both dialects use these same routes.
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
    REGISTER_CERTIFICATE_WITHOUT_CA("RegisterCertificateWithoutCA", "POST", "certificate", "register-no-ca");

    /** The path segment that stands for the certificate id. */
    static final String LABEL = "{certificateId}";

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

    /** Whether the decoded path segments fit this operation's template (a label matches any non-empty segment). */
    boolean matches(List<String> pathSegments) {
        if (pathSegments.size() != segments.size()) {
            return false;
        }
        for (int i = 0; i < segments.size(); i++) {
            var template = segments.get(i);
            var actual = pathSegments.get(i);
            if (template.equals(LABEL) ? actual.isEmpty() : !template.equals(actual)) {
                return false;
            }
        }
        return true;
    }

    /** The decoded certificate id label of a matching path; none if the template has none. */
    Option<String> label(List<String> pathSegments) {
        int at = segments.indexOf(LABEL);
        return at < 0 ? Option.none() : Option.some(pathSegments.get(at));
    }
}
