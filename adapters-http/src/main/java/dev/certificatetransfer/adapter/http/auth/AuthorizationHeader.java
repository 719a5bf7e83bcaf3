package dev.certificatetransfer.adapter.http.auth;

import dev.certificatetransfer.adapter.http.message.HttpRequest;
import io.vavr.control.Either;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The parts of an {@code Authorization: AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…} header.
 * Nothing the client sent is echoed in a failure: the header may hold a bearer token, which is a secret.
 */
record AuthorizationHeader(String accessKeyId, CredentialScope scope, List<String> signedHeaders, String signature) {

    static final String ALGORITHM = "AWS4-HMAC-SHA256";

    /** Reads the request's single Authorization header; a missing or unreadable one is MissingAuthenticationToken. */
    static Either<AuthenticationRefusal, AuthorizationHeader> of(HttpRequest request) {
        List<String> values = request.header("authorization");
        if (values.isEmpty() || values.get(0).isBlank()) {
            return Either.left(AuthenticationRefusal.missingToken("Missing Authentication Token"));
        }
        if (values.size() > 1) {
            return Either.left(AuthenticationRefusal.missingToken("Only one Authorization header is allowed."));
        }
        return parse(values.get(0).strip());
    }

    @SuppressWarnings("StringSplitter") // a trailing "," is tolerated (split drops the empty part); any other fails
    static Either<AuthenticationRefusal, AuthorizationHeader> parse(String header) {
        if (!header.startsWith(ALGORITHM + " ")) {
            return Either.left(AuthenticationRefusal.missingToken(
                    "Unsupported Authorization header: only the AWS4-HMAC-SHA256 algorithm is accepted."));
        }
        String credential = "";
        String signedHeaders = "";
        String signature = "";
        for (String pair : header.substring(ALGORITHM.length()).split(",")) {
            int equals = pair.indexOf('=');
            if (equals < 0) {
                return Either.left(AuthenticationRefusal.missingToken(
                        "A part of the Authorization header is not a valid key=value pair (missing equal-sign)."));
            }
            String value = pair.substring(equals + 1).strip();
            switch (pair.substring(0, equals).strip()) {
                case "Credential" -> credential = value;
                case "SignedHeaders" -> signedHeaders = value;
                case "Signature" -> signature = value;
                default -> {}
            }
        }
        return build(credential, signedHeaders, signature);
    }

    private static Either<AuthenticationRefusal, AuthorizationHeader> build(
            String credential, String signedHeaders, String signature) {
        String missing = requires("Credential", credential)
                + requires("Signature", signature)
                + requires("SignedHeaders", signedHeaders);
        if (!missing.isEmpty()) {
            return Either.left(AuthenticationRefusal.missingToken(missing.strip()));
        }
        int slash = credential.indexOf('/');
        if (slash <= 0) {
            return Either.left(CredentialScope.malformed());
        }
        return CredentialScope.parse(credential.substring(slash + 1))
                .map(scope -> new AuthorizationHeader(
                        credential.substring(0, slash), scope, names(signedHeaders), signature));
    }

    private static String requires(String parameter, String value) {
        return value.isEmpty() ? "Authorization header requires '" + parameter + "' parameter. " : "";
    }

    @SuppressWarnings("StringSplitter") // a trailing ";" is tolerated (split drops the empty name)
    private static List<String> names(String signedHeaders) {
        List<String> names = new ArrayList<>();
        for (String name : signedHeaders.split(";")) {
            names.add(name.strip().toLowerCase(Locale.ROOT));
        }
        return List.copyOf(names);
    }
}
