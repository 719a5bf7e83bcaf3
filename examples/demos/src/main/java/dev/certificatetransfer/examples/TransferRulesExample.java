package dev.certificatetransfer.examples;

import dev.certificatetransfer.adapter.authorization.Policy;
import dev.certificatetransfer.adapter.authorization.PolicyAuthorizer;
import dev.certificatetransfer.adapter.authorization.Statement;
import dev.certificatetransfer.adapter.memory.InMemoryCertificateRepository;
import dev.certificatetransfer.adapter.transferrule.AllowListTransferRule;
import dev.certificatetransfer.application.CertificateTransferService;
import dev.certificatetransfer.application.ScheduledExpirySweep;
import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.CertificateStatus;
import dev.certificatetransfer.domain.Principal;
import dev.certificatetransfer.domain.TransferExpiry;
import io.vavr.control.Option;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/**
 * IAM-style policies and the two transfer rules of ours, wired as the README shows: a {@link PolicyAuthorizer} that
 * lets an auditor only look, an {@link AllowListTransferRule} by which Bob accepts transfers from Alice alone, and
 * {@link TransferExpiry} after 30 days, swept by {@code sweepExpiredTransfers} (or on a schedule by
 * {@link ScheduledExpirySweep}). The time is the demo's own clock, moved forward by hand.
 */
public final class TransferRulesExample {

    private static final Principal ALICE = Principal.root(new AccountId("111111111111"));
    private static final Principal BOB = Principal.root(new AccountId("222222222222"));
    private static final Principal CAROL = Principal.root(new AccountId("333333333333"));
    private static final Principal AUDITOR = Principal.root(new AccountId("999999999999"));

    private TransferRulesExample() {}

    public static void main(String[] args) {
        var clock = new MovableClock(Instant.parse("2026-01-01T00:00:00Z"));
        var everything = Policy.of(Statement.allow(List.of("iot:*"), List.of("*")));
        var readOnly = Policy.of(
                Statement.allow(List.of("iot:Describe*", "iot:List*"), List.of("*")),
                Statement.deny(List.of("iot:TransferCertificate"), List.of("*")));
        var service = CertificateTransferService.builder()
                .repository(new InMemoryCertificateRepository())
                .authorizer(
                        new PolicyAuthorizer(principal -> List.of(principal.equals(AUDITOR) ? readOnly : everything)))
                .clock(clock)
                .transferExpiry(TransferExpiry.after(Duration.ofDays(30)))
                .transferRule(AllowListTransferRule.empty().allowing(BOB.account(), ALICE.account()))
                .build();

        System.out.println("The auditor registers a certificate: "
                + service.registerCertificateWithoutCa(AUDITOR, DemoCertificates.parsed(1), CertificateStatus.INACTIVE)
                        .fold(r -> "refused, " + r.code(), r -> "ok"));
        var alices = service.registerCertificateWithoutCa(ALICE, DemoCertificates.parsed(2), CertificateStatus.INACTIVE)
                .get()
                .certificateId();
        var carols = service.registerCertificateWithoutCa(CAROL, DemoCertificates.parsed(3), CertificateStatus.INACTIVE)
                .get()
                .certificateId();
        System.out.println("Carol transfers hers to Bob: "
                + service.transferCertificate(CAROL, carols, BOB.account(), Option.none())
                        .fold(
                                r -> "refused, " + r.code() + " (" + r.message() + ")",
                                t -> "ok, " + t.certificate().status()));
        System.out.println("Alice transfers hers to Bob: "
                + service.transferCertificate(ALICE, alices, BOB.account(), Option.none())
                        .fold(
                                r -> "refused, " + r.code(),
                                t -> "ok, " + t.certificate().status()));

        clock.advance(Duration.ofDays(31));
        System.out.println("31 days later, the sweep records " + service.sweepExpiredTransfers() + " expired transfer");
        System.out.println("Bob looks for it: "
                + service.describeCertificate(BOB, alices).fold(r -> "refused, " + r.code(), c -> "ok, " + c.status()));
        System.out.println("Alice cancels: "
                + service.cancelCertificateTransfer(ALICE, alices)
                        .fold(r -> "refused, " + r.code() + " (" + r.message() + ")", c -> "ok, " + c.status()));

        var sweep = ScheduledExpirySweep.start(service, Duration.ofMinutes(1)); // a daemon thread, at once and then
        try { // every minute
            System.out.println("A long-running host sweeps on a schedule instead, until it closes the sweep.");
        } finally {
            sweep.close();
        }
    }

    /** The demo's time, standing still until moved forward; a host passes {@code Clock.systemUTC()}. */
    private static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("the demo's clock is in UTC");
        }
    }
}
