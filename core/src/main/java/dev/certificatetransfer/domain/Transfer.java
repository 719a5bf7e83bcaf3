package dev.certificatetransfer.domain;

import io.vavr.control.Option;
import java.time.Instant;
import java.util.Objects;

/**
 * A certificate's most recent transfer from a source account to a target account; only a
 * {@link Pending} transfer offers the transitions, and a completed one never changes.
 */
public sealed interface Transfer {

    AccountId source();

    AccountId target();

    Option<TransferMessage> message();

    Instant transferDate();

    TransferStatus status();

    /** AWS's flat view of this transfer. */
    TransferData data();

    /** When the transfer was accepted, rejected or cancelled; none while it is pending. */
    Option<Instant> completionDate();

    /** Whether the account is the source or the target of this transfer. */
    default boolean involves(AccountId account) {
        return source().equals(account) || target().equals(account);
    }

    /** An open transfer, waiting for the target to accept or reject it, or for the source to cancel it. */
    record Pending(AccountId source, AccountId target, Option<TransferMessage> message, Instant transferDate)
            implements Transfer {

        public Pending {
            requireShape(source, target, message, transferDate);
        }

        public Accepted accept(Instant at) {
            return new Accepted(source, target, message, transferDate, at);
        }

        public Rejected reject(Option<RejectReason> reason, Instant at) {
            return new Rejected(source, target, message, transferDate, reason, at);
        }

        public Cancelled cancel(Instant at) {
            return new Cancelled(source, target, message, transferDate, at);
        }

        public Expired expire(Instant at) {
            return new Expired(source, target, message, transferDate, at);
        }

        @Override
        public Option<Instant> completionDate() {
            return Option.none();
        }

        @Override
        public TransferStatus status() {
            return TransferStatus.PENDING;
        }

        @Override
        public TransferData data() {
            return new TransferData(message, Option.none(), Option.some(transferDate), Option.none(), Option.none());
        }
    }

    /** A transfer the target accepted: the target owns the certificate now. */
    record Accepted(AccountId source, AccountId target, Option<TransferMessage> message, Instant transferDate,
            Instant acceptDate) implements Transfer {

        public Accepted {
            requireShape(source, target, message, transferDate);
            requireCompletedAfter(transferDate, acceptDate, "acceptDate");
        }

        @Override
        public Option<Instant> completionDate() {
            return Option.some(acceptDate);
        }

        @Override
        public TransferStatus status() {
            return TransferStatus.ACCEPTED;
        }

        @Override
        public TransferData data() {
            return new TransferData(message, Option.none(), Option.some(transferDate), Option.some(acceptDate),
                    Option.none());
        }
    }

    /** A transfer the target rejected: the certificate stayed with the source. */
    record Rejected(AccountId source, AccountId target, Option<TransferMessage> message, Instant transferDate,
            Option<RejectReason> rejectReason, Instant rejectDate) implements Transfer {

        public Rejected {
            requireShape(source, target, message, transferDate);
            Objects.requireNonNull(rejectReason, "rejectReason");
            requireCompletedAfter(transferDate, rejectDate, "rejectDate");
        }

        @Override
        public Option<Instant> completionDate() {
            return Option.some(rejectDate);
        }

        @Override
        public TransferStatus status() {
            return TransferStatus.REJECTED;
        }

        @Override
        public TransferData data() {
            return new TransferData(message, rejectReason, Option.some(transferDate), Option.none(),
                    Option.some(rejectDate));
        }
    }

    /**
     * A transfer the source cancelled: the certificate stayed with the source, and its transfer data keeps
     * the message and transfer date (ours; AWS's TransferData has no cancel date, so it is not shown).
     */
    record Cancelled(AccountId source, AccountId target, Option<TransferMessage> message, Instant transferDate,
            Instant cancelDate) implements Transfer {

        public Cancelled {
            requireShape(source, target, message, transferDate);
            requireCompletedAfter(transferDate, cancelDate, "cancelDate");
        }

        @Override
        public Option<Instant> completionDate() {
            return Option.some(cancelDate);
        }

        @Override
        public TransferStatus status() {
            return TransferStatus.CANCELLED;
        }

        @Override
        public TransferData data() {
            return new TransferData(message, Option.none(), Option.some(transferDate), Option.none(), Option.none());
        }
    }

    /**
     * A transfer nobody completed before its time-to-live ran out (ours: docs/behaviour.md, section 14): as if the system had
     * cancelled it at {@code expiryDate}, so the certificate stayed with the source and its transfer data keeps the
     * message and transfer date.
     */
    record Expired(AccountId source, AccountId target, Option<TransferMessage> message, Instant transferDate,
            Instant expiryDate) implements Transfer {

        public Expired {
            requireShape(source, target, message, transferDate);
            requireCompletedAfter(transferDate, expiryDate, "expiryDate");
        }

        @Override
        public Option<Instant> completionDate() {
            return Option.some(expiryDate);
        }

        @Override
        public TransferStatus status() {
            return TransferStatus.EXPIRED;
        }

        @Override
        public TransferData data() {
            return new TransferData(message, Option.none(), Option.some(transferDate), Option.none(), Option.none());
        }
    }

    /** A transfer completes no earlier than it was requested, so two adjacent dates cannot be swapped silently. */
    private static void requireCompletedAfter(Instant transferDate, Instant completed, String name) {
        Objects.requireNonNull(completed, name);
        if (completed.isBefore(transferDate)) {
            throw new IllegalArgumentException(name + " is not before transferDate");
        }
    }

    private static void requireShape(AccountId source, AccountId target, Option<TransferMessage> message,
            Instant transferDate) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(transferDate, "transferDate");
        if (source.equals(target)) {
            throw new IllegalArgumentException("a transfer goes to another account");
        }
    }
}
