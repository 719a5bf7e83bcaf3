package dev.certificatetransfer.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certificatetransfer.domain.RefusalCode;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The one table from refusal codes to the wire: status, AWS error type and envelope code (spec section 7). */
class WireErrorTest {

    private static String row(WireError e) {
        return e.awsStatus() + " " + e.awsType() + " " + e.envelopeStatus() + " " + e.envelopeCode();
    }

    @Test
    void every_rejection_code_has_its_status_aws_type_and_envelope_code() {
        assertThat(Arrays.stream(RefusalCode.values()).map(code -> code + " -> " + row(WireError.of(code))))
                .containsExactly(
                        "INVALID_REQUEST -> 400 InvalidRequestException 400 VALIDATION_ERROR",
                        "CERTIFICATE_VALIDATION -> 400 CertificateValidationException 400 VALIDATION_ERROR",
                        "UNAUTHORIZED -> 401 UnauthorizedException 401 UNAUTHORIZED",
                        "NOT_FOUND -> 404 ResourceNotFoundException 404 NOT_FOUND",
                        "CERTIFICATE_STATE -> 406 CertificateStateException 406 CERTIFICATE_STATE",
                        "TRANSFER_CONFLICT -> 409 TransferConflictException 409 TRANSFER_CONFLICT",
                        "DELETE_CONFLICT -> 409 DeleteConflictException 409 DELETE_CONFLICT",
                        "ALREADY_EXISTS -> 409 ResourceAlreadyExistsException 409 ALREADY_EXISTS",
                        "TRANSFER_ALREADY_COMPLETED -> 410 TransferAlreadyCompletedException 410 TRANSFER_ALREADY_COMPLETED",
                        "THROTTLED -> 400 ThrottlingException 400 THROTTLED");
    }

    @Test
    void the_edge_errors_have_their_own_rows() {
        assertThat(row(WireError.NOT_AUTHENTICATED)).isEqualTo("403 MissingAuthenticationTokenException 401 UNAUTHORIZED");
        assertThat(row(WireError.NO_SUCH_PATH)).isEqualTo("404 ResourceNotFoundException 404 NOT_FOUND");
        assertThat(row(WireError.METHOD_NOT_ALLOWED)).isEqualTo("405 UnknownOperationException 405 VALIDATION_ERROR");
        assertThat(row(WireError.PAYLOAD_TOO_LARGE)).isEqualTo("413 RequestEntityTooLargeException 413 VALIDATION_ERROR");
        assertThat(row(WireError.UNAVAILABLE)).isEqualTo("503 ServiceUnavailableException 503 INTERNAL");
        assertThat(row(WireError.INTERNAL)).isEqualTo("500 InternalFailureException 500 INTERNAL");
    }
}
