package dev.certificatetransfer.adapter.http.auth;

import io.vavr.control.Either;

/** The credential scope {@code yyyyMMdd/region/service/aws4_request} that follows the access key id. */
record CredentialScope(String date, String region, String service, String terminator) {

    static final String TERMINATOR = "aws4_request";

    static Either<AuthenticationRefusal, CredentialScope> parse(String scope) {
        String[] parts = scope.split("/", -1);
        if (parts.length != 4) {
            return Either.left(malformed());
        }
        return Either.right(new CredentialScope(parts[0], parts[1], parts[2], parts[3]));
    }

    static AuthenticationRefusal malformed() {
        return AuthenticationRefusal.missingToken(
                "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term.");
    }

    /** The scope as it enters the string to sign. */
    String text() {
        return date + '/' + region + '/' + service + '/' + terminator;
    }
}
