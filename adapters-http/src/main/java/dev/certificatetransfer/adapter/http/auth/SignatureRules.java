package dev.certificatetransfer.adapter.http.auth;

import dev.certificatetransfer.adapter.http.message.HttpRequest;
import dev.certificatetransfer.domain.Region;
import io.vavr.control.Option;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The rules a Signature Version 4 request must meet besides its signature, each giving AWS's error and wording
 * when it fails. Values the client sent are echoed only when they are short plain tokens.
 */
final class SignatureRules {

    private static final int MAX_ECHOED_LENGTH = 64;

    private SignatureRules() {}

    /** The scope ends in aws4_request, names an accepted service and the server's region, and the request's day. */
    static Option<AuthenticationRefusal> scope(
            CredentialScope scope, RequestTimestamp timestamp, Region region, Set<String> services) {
        if (!scope.terminator().equals(CredentialScope.TERMINATOR)) {
            return invalid("Credential should be scoped with a valid terminator: 'aws4_request', not '"
                    + echo(scope.terminator()) + "'.");
        }
        if (!services.contains(scope.service())) {
            return invalid("Credential should be scoped to correct service: 'iot'.");
        }
        if (!scope.region().equals(region.value())) {
            return invalid("Credential should be scoped to a valid region, not '" + echo(scope.region()) + "'.");
        }
        if (!scope.date().equals(timestamp.day())) {
            return invalid("Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '"
                    + echo(scope.date()) + "' != '" + timestamp.day() + "', from '" + timestamp.basic() + "'.");
        }
        return Option.none();
    }

    /** Host and the header that dates the request are signed, and every signed header is in the request. */
    static Option<AuthenticationRefusal> signedHeaders(
            HttpRequest request, List<String> signed, RequestTimestamp timestamp) {
        if (!signed.contains("host")) {
            return invalid("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
        }
        if (!signed.contains(timestamp.header())) {
            return invalid("'" + (timestamp.header().equals("date") ? "Date" : "X-Amz-Date")
                    + "' must be a 'SignedHeader' in the AWS Authorization.");
        }
        for (String name : signed) {
            if (request.header(name).isEmpty()) {
                return invalid(
                        "'" + echo(name) + "' is named as a SignedHeader, but it does not exist in the HTTP request.");
            }
        }
        return Option.none();
    }

    /** The request was signed no more than {@code allowed} before or after now. */
    static Option<AuthenticationRefusal> skew(Instant signedAt, Instant now, Duration allowed) {
        Instant earliest = now.minus(allowed);
        Instant latest = now.plus(allowed);
        String minutes = allowed.toMinutes() + " min.)";
        if (signedAt.isBefore(earliest)) {
            return invalid("Signature expired: " + basic(signedAt) + " is now earlier than " + basic(earliest) + " ("
                    + basic(now) + " - " + minutes);
        }
        if (signedAt.isAfter(latest)) {
            return invalid("Signature not yet current: " + basic(signedAt) + " is still later than " + basic(latest)
                    + " (" + basic(now) + " + " + minutes);
        }
        return Option.none();
    }

    /** A declared payload hash is the hash of the body received. */
    static Option<AuthenticationRefusal> payload(String payloadHash, byte[] body) {
        if (payloadHash.equalsIgnoreCase(SigV4Authenticator.sha256Hex(body))) {
            return Option.none();
        }
        return invalid("The provided 'x-amz-content-sha256' header does not match what was computed.");
    }

    static AuthenticationRefusal signatureMismatch() {
        return AuthenticationRefusal.invalidSignature("The request signature we calculated does not match the "
                + "signature you provided. Check your AWS Secret Access Key and signing method. "
                + "Consult the service documentation for details.");
    }

    static boolean isSha256Hex(String value) {
        return value.length() == 64 && value.chars().allMatch(c -> Character.digit(c, 16) >= 0 && c < 128);
    }

    private static Option<AuthenticationRefusal> invalid(String message) {
        return Option.some(AuthenticationRefusal.invalidSignature(message));
    }

    private static String basic(Instant instant) {
        return RequestTimestamp.BASIC.format(instant);
    }

    private static String echo(String value) {
        boolean plain = value.length() <= MAX_ECHOED_LENGTH
                && value.chars()
                        .allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.'));
        return plain ? value : "(not shown)";
    }
}
