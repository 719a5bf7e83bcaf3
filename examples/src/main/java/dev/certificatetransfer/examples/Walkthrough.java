package dev.certificatetransfer.examples;

import dev.certificatetransfer.adapter.authorization.AllowAuthenticatedAuthorizer;
import dev.certificatetransfer.adapter.memory.InMemoryCertificateRepository;
import dev.certificatetransfer.application.CertificateTransferService;
import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.CertificateStatus;
import dev.certificatetransfer.domain.Principal;
import dev.certificatetransfer.domain.TransferMessage;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Clock;

/** An in-process walkthrough: register a certificate, offer it to another account, cancel, and see who may do what. */
public final class Walkthrough {

    private Walkthrough() {
    }

    public static void main(String[] args) {
        var repository = new InMemoryCertificateRepository(event -> System.out.println("  event: " + event.type()
                + " by " + event.actor() + " " + event.statusBefore().getOrNull() + " -> " + event.statusAfter().getOrNull()));
        var service = CertificateTransferService.builder()
                .repository(repository)
                .authorizer(new AllowAuthenticatedAuthorizer())
                .clock(Clock.systemUTC())
                .build();
        var alice = Principal.root(new AccountId("111111111111"));
        var bob = Principal.root(new AccountId("222222222222"));
        var carol = Principal.root(new AccountId("333333333333"));

        var id = service.registerCertificateWithoutCa(alice, DemoCertificates.parsed(1), CertificateStatus.INACTIVE).get()
                .certificateId();
        System.out.println("Alice registered certificate " + id);

        show("Alice transfers it to Bob", service.transferCertificate(alice, id, bob.account(),
                Option.some(new TransferMessage("Device 1 is yours"))).map(t -> t.transferredCertificateArn().value()));
        show("Bob (the target) tries to cancel", service.cancelCertificateTransfer(bob, id).map(c -> c.status()));
        show("Carol (a stranger) tries to cancel", service.cancelCertificateTransfer(carol, id).map(c -> c.status()));
        show("Alice (the source) cancels", service.cancelCertificateTransfer(alice, id).map(c -> c.status() + ", owner " + c.owner()));
        show("Bob tries to accept the cancelled transfer", service.acceptCertificateTransfer(bob, id, true).map(c -> c.status()));

        show("Alice transfers it again", service.transferCertificate(alice, id, bob.account(), Option.none())
                .map(t -> t.certificate().status()));
        show("Bob accepts it as ACTIVE", service.acceptCertificateTransfer(bob, id, true)
                .map(c -> c.status() + ", owner " + c.owner() + ", previous owner " + c.previousOwner().get()));
        show("Alice tries to cancel after the accept", service.cancelCertificateTransfer(alice, id).map(c -> c.status()));
    }

    private static void show(String step, Either<dev.certificatetransfer.domain.Rejection, ?> outcome) {
        System.out.println(step + ": " + outcome.fold(
                rejection -> "refused, " + rejection.code() + " (" + rejection.message() + ")",
                result -> "ok, " + result));
    }
}
