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
     * The principal of the access key that signed this request.
     *
     * @return the principal, or why the request is not authenticated
     */
    @Override
    public Either<AuthenticationRefusal, Principal> authenticate(HttpRequest request) {
        Either<AuthenticationRefusal, AuthorizationHeader> header = AuthorizationHeader.of(request);
        if (header.isLeft()) {
            return Either.left(header.getLeft());
        }
        Either<AuthenticationRefusal, RequestTimestamp> timestamp = RequestTimestamp.of(request);
        if (timestamp.isLeft()) {
            return Either.left(timestamp.getLeft());
        }
        return verify(request, header.get(), timestamp.get());
    }

    private Either<AuthenticationRefusal, Principal> verify(
            HttpRequest request, AuthorizationHeader header, RequestTimestamp timestamp) {
        Option<AuthenticationRefusal> refused = SignatureRules.scope(header.scope(), timestamp, region, services)
                .orElse(() -> SignatureRules.signedHeaders(request, header.signedHeaders(), timestamp))
                .orElse(() -> SignatureRules.skew(timestamp.instant(), clock.instant(), ALLOWED_SKEW));
        if (refused.isDefined()) {
            return Either.left(refused.get());
        }
        return payloadHash(request).flatMap(hash -> authenticate(request, header, timestamp, hash));
    }

    private Either<AuthenticationRefusal, Principal> authenticate(
            HttpRequest request, AuthorizationHeader header, RequestTimestamp timestamp, String payloadHash) {
        Option<AccessKey> key = credentials.accessKey(header.accessKeyId());
        if (key.isEmpty()) {
            return Either.left(AuthenticationRefusal.unrecognizedClient());
        }
        String stringToSign = AuthorizationHeader.ALGORITHM
                + '\n'
                + timestamp.basic()
                + '\n'
                + header.scope().text()
                + '\n'
                + sha256Hex(CanonicalRequest.of(request, header.signedHeaders(), payloadHash)
                        .getBytes(StandardCharsets.UTF_8));
        byte[] signingKey = signingKeys.signingKey(key.get(), header.scope());
        byte[] expected = HexFormat.of()
                .formatHex(SigningKeys.hmac(signingKey, stringToSign))
                .getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, header.signature().getBytes(StandardCharsets.US_ASCII))) {
            return Either.left(SignatureRules.signatureMismatch());
        }
        Option<AuthenticationRefusal> swappedBody =
                request.header("x-amz-content-sha256").isEmpty()
                        ? Option.none()
                        : SignatureRules.payload(payloadHash, request.body());
        return swappedBody.isDefined()
                ? Either.left(swappedBody.get())
                : Either.right(key.get().principal());
    }

    /**
     * The {@code x-amz-content-sha256} header when present (a hex SHA-256), else the body's. UNSIGNED-PAYLOAD, S3's
     * way of leaving the body out of the signature, is refused: every body is signed (docs/behaviour.md section 13).
     */
    private static Either<AuthenticationRefusal, String> payloadHash(HttpRequest request) {
        var declared = request.header("x-amz-content-sha256");
        if (declared.isEmpty()) {
            return Either.right(request.body().length == 0 ? EMPTY_BODY_SHA256 : sha256Hex(request.body()));
        }
        String value = declared.size() == 1 ? declared.get(0).strip() : "";
        if (value.equals(UNSIGNED_PAYLOAD)) {
            return Either.left(AuthenticationRefusal.invalidSignature("UNSIGNED-PAYLOAD is not accepted by this"
                    + " service: the signature must cover the body (send its hex SHA-256 in x-amz-content-sha256,"
                    + " or leave the header out)."));
        }
        if (SignatureRules.isSha256Hex(value)) {
            return Either.right(value);
        }
        return Either.left(AuthenticationRefusal.invalidSignature(
                "The x-amz-content-sha256 header must be the hex SHA-256 of the payload."));
    }

    static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(DIGESTS.get().digest(bytes));
    }
}
