package dev.certificatetransfer.adapter.http.auth;

import dev.certificatetransfer.adapter.http.message.HttpRequest;
import dev.certificatetransfer.domain.Principal;
import dev.certificatetransfer.domain.Region;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Set;

/**
 * The AWS dialect's authentication: verifies AWS Signature Version 4 on a request as received and names the
 * principal of the access key that signed it; thread-safe; caches signing keys. The service in the scope may be
 * {@code iot} or {@code execute-api}, the region must be the server's, the date within 15 minutes of the clock.
 * Refusals are worded as AWS words them (docs/behaviour.md#13-on-the-wire): missing or unreadable credentials are
 * {@link AuthenticationRefusal.Code#MISSING_AUTHENTICATION_TOKEN} (our choice where AWS would also say
 * {@code IncompleteSignatureException}), an unknown key {@link AuthenticationRefusal.Code#UNRECOGNIZED_CLIENT},
 * anything else {@link AuthenticationRefusal.Code#INVALID_SIGNATURE}. No message holds a secret or echoes the
 * Authorization header.
 */
public final class SigV4Authenticator implements Authenticator {

    static final Set<String> SERVICES = Set.of("iot", "execute-api");
    static final Duration ALLOWED_SKEW = Duration.ofMinutes(15);
    static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";

    /** One SHA-256 digest per thread: {@code MessageDigest.getInstance} looks the provider up on every call. */
    private static final ThreadLocal<MessageDigest> DIGESTS = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException missingFromTheJdk) {
            throw new IllegalStateException("SHA-256 is not available", missingFromTheJdk);
        }
    });

    private static final String EMPTY_BODY_SHA256 = sha256Hex(new byte[0]);

    private final CredentialsStore credentials;
    private final Region region;
    private final Clock clock;
    private final Set<String> services;
    private final SigningKeys signingKeys = new SigningKeys(SigningKeys.DEFAULT_CAPACITY);

    /**
     * An authenticator for one region.
     *
     * @param credentials where access keys are looked up, on every request (a rotated secret takes effect at once)
     * @param region the server's region, which a request's credential scope must name
     * @param clock what the request's date is checked against
     */
    public SigV4Authenticator(CredentialsStore credentials, Region region, Clock clock) {
        this(credentials, region, clock, SERVICES);
    }

    /** For the published AWS test vectors, whose credential scopes name a made-up service ("service"). */
    SigV4Authenticator(CredentialsStore credentials, Region region, Clock clock, Set<String> services) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.region = Objects.requireNonNull(region, "region");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.services = Set.copyOf(services);
    }

    /**
     * The principal of the access key that signed this request: {@link #authenticateHead} and its check of the
     * body in one.
     *
     * @return the principal, or why the request is not authenticated
     */
    @Override
    public Either<AuthenticationRefusal, Principal> authenticate(HttpRequest request) {
        return authenticateHead(request).flatMap(rest -> rest.authenticate(request));
    }

    /**
     * Everything the head decides: the Authorization header, the date, the credential scope, the signed headers,
     * the clock skew, the {@code x-amz-content-sha256} header and the access key; when that header is sent, the
     * signature too (it covers the declared hash), so that only the comparison of the hash with the body waits for
     * the body. Without it the signature covers the body's own hash and is checked once the body is in.
     *
     * @return the refusal the head earns, or the check of the body
     */
    @Override
    public Either<AuthenticationRefusal, BodyCheck> authenticateHead(HttpRequest head) {
        Either<AuthenticationRefusal, AuthorizationHeader> header = AuthorizationHeader.of(head);
        if (header.isLeft()) {
            return Either.left(header.getLeft());
        }
        Either<AuthenticationRefusal, RequestTimestamp> timestamp = RequestTimestamp.of(head);
        if (timestamp.isLeft()) {
            return Either.left(timestamp.getLeft());
        }
        return verify(head, header.get(), timestamp.get());
    }

    private Either<AuthenticationRefusal, BodyCheck> verify(
            HttpRequest head, AuthorizationHeader header, RequestTimestamp timestamp) {
        Option<AuthenticationRefusal> refused = SignatureRules.scope(header.scope(), timestamp, region, services)
                .orElse(() -> SignatureRules.signedHeaders(head, header.signedHeaders(), timestamp))
                .orElse(() -> SignatureRules.skew(timestamp.instant(), clock.instant(), ALLOWED_SKEW));
        if (refused.isDefined()) {
            return Either.left(refused.get());
        }
        return declaredPayloadHash(head)
                .flatMap(declared -> credentials
                        .accessKey(header.accessKeyId())
                        .toEither(AuthenticationRefusal::unrecognizedClient)
                        .flatMap(key -> bodyCheck(head, new Signed(header, timestamp, key), declared)));
    }

    /** With a declared hash, the signature now and the hash against the body later; else the signature later. */
    private Either<AuthenticationRefusal, BodyCheck> bodyCheck(
            HttpRequest head, Signed signed, Option<String> declared) {
        if (declared.isEmpty()) {
            return Either.right(request -> signature(
                    request, signed, request.body().length == 0 ? EMPTY_BODY_SHA256 : sha256Hex(request.body())));
        }
        return signature(head, signed, declared.get()).map(principal -> request -> {
            Option<AuthenticationRefusal> swappedBody = SignatureRules.payload(declared.get(), request.body());
            return swappedBody.isDefined() ? Either.left(swappedBody.get()) : Either.right(principal);
        });
    }

    /** What the head established: the parsed header, the date and the access key it names. */
    private record Signed(AuthorizationHeader header, RequestTimestamp timestamp, AccessKey key) {}

    private Either<AuthenticationRefusal, Principal> signature(HttpRequest request, Signed signed, String payloadHash) {
        var header = signed.header();
        String stringToSign = AuthorizationHeader.ALGORITHM
                + '\n'
                + signed.timestamp().basic()
                + '\n'
                + header.scope().text()
                + '\n'
                + sha256Hex(CanonicalRequest.of(request, header.signedHeaders(), payloadHash)
                        .getBytes(StandardCharsets.UTF_8));
        byte[] signingKey = signingKeys.signingKey(signed.key(), header.scope());
        byte[] expected = HexFormat.of()
                .formatHex(SigningKeys.hmac(signingKey, stringToSign))
                .getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, header.signature().getBytes(StandardCharsets.US_ASCII))
                ? Either.right(signed.key().principal())
                : Either.left(SignatureRules.signatureMismatch());
    }

    /**
     * The {@code x-amz-content-sha256} header when present (a hex SHA-256); none when absent (the body's own hash is
     * signed then). UNSIGNED-PAYLOAD, S3's way of leaving the body out of the signature, is refused: every body is
     * signed (docs/behaviour.md#13-on-the-wire).
     */
    private static Either<AuthenticationRefusal, Option<String>> declaredPayloadHash(HttpRequest head) {
        var declared = head.header("x-amz-content-sha256");
        if (declared.isEmpty()) {
            return Either.right(Option.none());
        }
        String value = declared.size() == 1 ? declared.get(0).strip() : "";
        if (value.equals(UNSIGNED_PAYLOAD)) {
            return Either.left(AuthenticationRefusal.invalidSignature("UNSIGNED-PAYLOAD is not accepted by this"
                    + " service: the signature must cover the body (send its hex SHA-256 in x-amz-content-sha256,"
                    + " or leave the header out)."));
        }
        if (SignatureRules.isSha256Hex(value)) {
            return Either.right(Option.some(value));
        }
        return Either.left(AuthenticationRefusal.invalidSignature(
                "The x-amz-content-sha256 header must be the hex SHA-256 of the payload."));
    }

    static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(DIGESTS.get().digest(bytes));
    }
}
