package dev.certificatetransfer.domain;

import io.vavr.control.Option;

import java.time.Instant;
import java.util.Objects;

/**
 * A certificate's most recent transfer from a source account to a target account; only a
 * {@link Pending} transfer offers the transitions, and a completed one never changes. Immutable.
 */
public sealed interface Transfer {

    /**
     * The account that offered the certificate.
     *
     * @return the source, the owner when the transfer was requested
     */
    AccountId source();

    /**
     * The account the certificate was offered to.
     *
     * @return the target, never the source
     */
    AccountId target();

    /**
     * The transfer message.
     *
     * @return the message, or none
     */
    Option<TransferMessage> message();

    /**
     * When the transfer was requested.
     *
     * @return the transfer date
     */
    Instant transferDate();

    /**
     * Where the transfer stands.
     *
     * @return {@code PENDING}, or how it completed
     */
    TransferStatus status();

    /**
     * AWS's flat view of this transfer (docs/behaviour.md, section 7).
     *
     * @return the transfer data a certificate with this transfer shows
     */
    TransferData data();

    /**
     * When the transfer was accepted, rejected, cancelled or expired.
     *
     * @return the completion date; none while it is pending
     */
    Option<Instant> completionDate();

    /**
     * Whether the account is the source or the target of this transfer.
     *
     * @param account the account
     * @return whether it is either party
     */
    default boolean involves(AccountId account) {
        return source().equals(account) || target().equals(account);
    }

    /**
     * An open transfer, waiting for the target to accept or reject it, or for the source to cancel it.
     *
     * @param source the account that offered the certificate, its owner when the transfer was requested
     * @param target the account the certificate was offered to, never the source
     * @param message the transfer message, if any
     * @param transferDate when the transfer was requested
     */
    record Pending(AccountId source, AccountId target, Option<TransferMessage> message, Instant transferDate)
            implements Transfer {

        /**
         * The transfer, checked for shape.
         *
         * @param source the account that offered the certificate, its owner when the transfer was requested
         * @param target the account the certificate was offered to, never the source
         * @param message the transfer message, if any
         * @param transferDate when the transfer was requested
         * @throws NullPointerException if a component is null
         * @throws IllegalArgumentException if the target is the source
         */
        public Pending {
            requireShape(source, target, message, transferDate);
        }

        /**
         * This transfer, accepted by the target.
         *
         * @param at when, not before the transfer date
         * @return the accepted transfer
         * @throws IllegalArgumentException if {@code at} is before the transfer date
         */
        public Accepted accept(Instant at) {
            return new Accepted(source, target, message, transferDate, at);
        }

        /**
         * This transfer, rejected by the target.
         *
         * @param reason the target's reason, or none
         * @param at when, not before the transfer date
         * @return the rejected transfer
         * @throws IllegalArgumentException if {@code at} is before the transfer date
         */
        public Rejected reject(Option<RejectReason> reason, Instant at) {
            return new Rejected(source, target, message, transferDate, reason, at);
        }

        /**
         * This transfer, cancelled by the source.
         *
         * @param at when, not before the transfer date
         * @return the cancelled transfer
         * @throws IllegalArgumentException if {@code at} is before the transfer date
         */
        public Cancelled cancel(Instant at) {
            return new Cancelled(source, target, message, transferDate, at);
        }

        /**
         * This transfer, expired (ours: docs/behaviour.md, section 14).
         *
         * @param at the moment of expiry, {@code transferDate + ttl}
         * @return the expired transfer
         * @throws IllegalArgumentException if {@code at} is before the transfer date
         */
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

    /**
     * A transfer the target accepted: the target owns the certificate now.
     *
     * @param source the account that offered the certificate, its owner when the transfer was requested
     * @param target the account the certificate was offered to, never the source
     * @param message the transfer message, if any
     * @param transferDate when the transfer was requested
     * @param acceptDate when the target accepted it, not before {@code transferDate}
     */
    record Accepted(
            AccountId source,
            AccountId target,
            Option<TransferMessage> message,
            Instant transferDate,
            Instant acceptDate)
            implements Transfer {

        /**
         * The transfer, checked for shape.
         *
         * @param source the account that offered the certificate, its owner when the transfer was requested
         * @param target the account the certificate was offered to, never the source
         * @param message the transfer message, if any
         * @param transferDate when the transfer was requested
         * @param acceptDate when the target accepted it, not before {@code transferDate}
         * @throws NullPointerException if a component is null
         * @throws IllegalArgumentException if the target is the source, or the transfer completes before it was
         *         requested
         */
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
            return new TransferData(
                    message, Option.none(), Option.some(transferDate), Option.some(acceptDate), Option.none());
        }
    }

    /**
     * A transfer the target rejected: the certificate stayed with the source.
     *
     * @param source the account that offered the certificate, its owner when the transfer was requested
     * @param target the account the certificate was offered to, never the source
     * @param message the transfer message, if any
     * @param transferDate when the transfer was requested
     * @param rejectReason the target's reason, if any
     * @param rejectDate when the target rejected it, not before {@code transferDate}
     */
    record Rejected(
            AccountId source,
            AccountId target,
            Option<TransferMessage> message,
            Instant transferDate,
            Option<RejectReason> rejectReason,
            Instant rejectDate)
            implements Transfer {

        /**
         * The transfer, checked for shape.
         *
         * @param source the account that offered the certificate, its owner when the transfer was requested
         * @param target the account the certificate was offered to, never the source
         * @param message the transfer message, if any
         * @param transferDate when the transfer was requested
         * @param rejectReason the target's reason, if any
         * @param rejectDate when the target rejected it, not before {@code transferDate}
         * @throws NullPointerException if a component is null
         * @throws IllegalArgumentException if the target is the source, or the transfer completes before it was
         *         requested
         */
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
            return new TransferData(
                    message, rejectReason, Option.some(transferDate), Option.none(), Option.some(rejectDate));
        }
    }

    /**
     * A transfer the source cancelled: the certificate stayed with the source, and its transfer data keeps
     * the message and transfer date (ours; AWS's TransferData has no cancel date, so it is not shown).
     *
     * @param source the account that offered the certificate, its owner when the transfer was requested
     * @param target the account the certificate was offered to, never the source
     * @param message the transfer message, if any
     * @param transferDate when the transfer was requested
     * @param cancelDate when the source cancelled it, not before {@code transferDate}
     */
    record Cancelled(
            AccountId source,
            AccountId target,
            Option<TransferMessage> message,
            Instant transferDate,
            Instant cancelDate)
            implements Transfer {

        /**
         * The transfer, checked for shape.
         *
         * @param source the account that offered the certificate, its owner when the transfer was requested
         * @param target the account the certificate was offered to, never the source
         * @param message the transfer message, if any
         * @param transferDate when the transfer was requested
         * @param cancelDate when the source cancelled it, not before {@code transferDate}
         * @throws NullPointerException if a component is null
         * @throws IllegalArgumentException if the target is the source, or the transfer completes before it was
         *         requested
         */
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
     * A transfer nobody completed before its time-to-live ran out (ours: docs/behaviour.md, section 14): as if the
     * system had cancelled it at {@code expiryDate}, so the certificate stayed with the source and its transfer data
     * keeps the message and transfer date.
     *
     * @param source the account that offered the certificate, its owner when the transfer was requested
     * @param target the account the certificate was offered to, never the source
     * @param message the transfer message, if any
     * @param transferDate when the transfer was requested
     * @param expiryDate when it expired, {@code transferDate + ttl}
     */
    record Expired(
            AccountId source,
            AccountId target,
            Option<TransferMessage> message,
            Instant transferDate,
            Instant expiryDate)
            implements Transfer {

        /**
         * The transfer, checked for shape.
         *
         * @param source the account that offered the certificate, its owner when the transfer was requested
         * @param target the account the certificate was offered to, never the source
         * @param message the transfer message, if any
         * @param transferDate when the transfer was requested
         * @param expiryDate when it expired, {@code transferDate + ttl}
         * @throws NullPointerException if a component is null
         * @throws IllegalArgumentException if the target is the source, or the transfer completes before it was
         *         requested
         */
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

    private static void requireShape(
            AccountId source, AccountId target, Option<TransferMessage> message, Instant transferDate) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(transferDate, "transferDate");
        if (source.equals(target)) {
            throw new IllegalArgumentException("a transfer goes to another account");
        }
    }
}
