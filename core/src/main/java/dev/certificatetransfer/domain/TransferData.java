package dev.certificatetransfer.domain;

import io.vavr.control.Option;
import java.time.Instant;
import java.util.Objects;

/**
 * AWS's flat view of a certificate's most recent transfer; a never-transferred certificate shows {@link #NONE}.
 */
public record TransferData(
        Option<TransferMessage> transferMessage,
        Option<RejectReason> rejectReason,
        Option<Instant> transferDate,
        Option<Instant> acceptDate,
        Option<Instant> rejectDate) {

    /** The transfer data of a certificate that was never transferred: {@code {}} on the wire. */
    public static final TransferData NONE =
            new TransferData(Option.none(), Option.none(), Option.none(), Option.none(), Option.none());

    public TransferData {
        Objects.requireNonNull(transferMessage, "transferMessage");
        Objects.requireNonNull(rejectReason, "rejectReason");
        Objects.requireNonNull(transferDate, "transferDate");
        Objects.requireNonNull(acceptDate, "acceptDate");
        Objects.requireNonNull(rejectDate, "rejectDate");
    }
}
