package dev.certificatetransfer.domain;

import io.vavr.control.Option;

import java.time.Instant;
import java.util.Objects;

/**
 * AWS's flat view of a certificate's most recent transfer; a never-transferred certificate shows {@link #NONE}
 * (docs/behaviour.md, section 7).
 *
 * @param transferMessage the transfer's message, if it had one
 * @param rejectReason the target's reason, if it rejected the transfer with one
 * @param transferDate when the transfer was requested; none if never transferred
 * @param acceptDate when the target accepted it, if it did
 * @param rejectDate when the target rejected it, if it did
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

    /**
     * A transfer's data.
     *
     * @param transferMessage the transfer's message, or none
     * @param rejectReason the target's reason, or none
     * @param transferDate when the transfer was requested, or none
     * @param acceptDate when it was accepted, or none
     * @param rejectDate when it was rejected, or none
     * @throws NullPointerException if any is null
     */
    public TransferData {
        Objects.requireNonNull(transferMessage, "transferMessage");
        Objects.requireNonNull(rejectReason, "rejectReason");
        Objects.requireNonNull(transferDate, "transferDate");
        Objects.requireNonNull(acceptDate, "acceptDate");
        Objects.requireNonNull(rejectDate, "rejectDate");
    }
}
