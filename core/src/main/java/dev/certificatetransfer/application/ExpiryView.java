package dev.certificatetransfer.application;

import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.domain.TransferExpiry;
import dev.certificatetransfer.domain.rules.TransferRules;
import io.vavr.control.Option;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Certificates as callers must see them now: what storage holds, with the expiry of a transfer whose time-to-live
 * has run out applied ({@link TransferExpiry}), whether or not that expiry has been written yet. Listings apply it
 * without writing; a describe, the write path and the sweep commit it. The clock is read only when transfers can
 * expire: a service without expiry reads no clock here.
 */
final class ExpiryView {

    private final Clock clock;
    private final TransferExpiry expiry;

    ExpiryView(Clock clock, TransferExpiry expiry) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.expiry = Objects.requireNonNull(expiry, "expiry");
    }

    /** The clock's millisecond: the only time the service works with. */
    Instant now() {
        return Instant.ofEpochMilli(clock.millis());
    }

    TransferExpiry expiry() {
        return expiry;
    }

    /** The certificate as seen now, if it exists. */
    Option<Certificate> seen(Option<Certificate> certificate) {
        return expiry.ttl().isEmpty() ? certificate : TransferRules.seenAt(expiry, certificate, now());
    }

    /** How certificates are seen at one reading of the clock, so that every item of one listing page agrees. */
    UnaryOperator<Certificate> seenNow() {
        if (expiry.ttl().isEmpty()) {
            return UnaryOperator.identity();
        }
        var now = now();
        return certificate -> TransferRules.seenAt(expiry, certificate, now);
    }
}
