package dev.certificatetransfer.examples;

import dev.certificatetransfer.adapter.authorization.AllowAuthenticatedAuthorizer;
import dev.certificatetransfer.adapter.http.WireError;
import dev.certificatetransfer.adapter.memory.InMemoryCertificateRepository;
import dev.certificatetransfer.application.CertificateTransferService;
import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.domain.CertificateStatus;
import dev.certificatetransfer.domain.Principal;
import dev.certificatetransfer.domain.Refusal;
import dev.certificatetransfer.domain.TransferMessage;
import dev.certificatetransfer.examples.adapter.Slf4jEventPublisher;
import dev.certificatetransfer.port.in.CertificateTransferUseCases;
import dev.certificatetransfer.port.in.PageRequest;
import io.vavr.control.Option;

import java.io.PrintStream;
import java.time.Clock;

/**
 * The in-process walkthrough (the README's first command): Alice registers a certificate and offers it to Bob; Bob
 * sees the offer; Alice cancels it; a second cancel is answered 410. Each step is printed as a sentence, with the
 * domain event the step recorded.
 */
public final class Walkthrough {

    private static final Principal ALICE = new Principal(new AccountId("111111111111"), "user:alice");
    private static final Principal BOB = new Principal(new AccountId("222222222222"), "user:bob");

    private final PrintStream out;
    private final CertificateTransferUseCases transfers;
    private int step;

    private Walkthrough(PrintStream out) {
        this.out = out;
        this.transfers = CertificateTransferService.builder()
                .repository(new InMemoryCertificateRepository(
                        event -> out.println("       event " + event.type() + " (version " + event.version() + ", by "
                                + Slf4jEventPublisher.describe(event.actor()) + ")")))
                .authorizer(new AllowAuthenticatedAuthorizer())
                .clock(Clock.systemUTC())
                .build();
    }

    public static void main(String[] args) {
        new Walkthrough(System.out).run();
    }

    private void run() {
        out.println("certificate-transfer walkthrough: Alice (" + ALICE.account() + ") and Bob (" + BOB.account()
                + "), in memory");

        say("Alice registers a certificate, INACTIVE.");
        var id = transfers
                .registerCertificateWithoutCa(ALICE, DemoCertificates.parsed(1), CertificateStatus.INACTIVE)
                .get()
                .certificateId();
        out.println("     → certificate " + id.value());

        say("Alice transfers it to Bob, with a message.");
        var transferred = transfers
                .transferCertificate(
                        ALICE, id, BOB.account(), Option.some(new TransferMessage("Device 1 now belongs to Bob")))
                .get();
        out.println("     → " + describe(transferred.certificate()));
        out.println("       Bob will own it as "
                + transferred.transferredCertificateArn().value());

        say("Bob looks at what is offered to him (ListCertificates, then DescribeCertificate).");
        var bobsList = transfers.listCertificates(BOB, PageRequest.FIRST).get();
        out.println("     → Bob's list: "
                + bobsList.items()
                        .map(c -> c.id().value().substring(0, 12) + "… " + c.status())
                        .mkString(", "));
        var bobsView = transfers.describeCertificate(BOB, id).get();
        out.println("     → " + describe(bobsView) + ", message \""
                + bobsView.transferData()
                        .transferMessage()
                        .map(TransferMessage::value)
                        .getOrElse("") + "\"");

        say("Bob (the target) tries to cancel it: only the source may.");
        out.println("     → "
                + refusal(transfers.cancelCertificateTransfer(BOB, id).swap().get()));

        say("Alice (the source) cancels the transfer.");
        var cancelled = transfers.cancelCertificateTransfer(ALICE, id).get();
        out.println("     → " + describe(cancelled) + "; the transfer message stays in its transfer data");

        say("Bob looks again: the certificate is Alice's alone, so he is told it does not exist.");
        out.println("     → "
                + refusal(transfers.describeCertificate(BOB, id).swap().get()));

        say("Alice cancels a second time.");
        out.println("     → "
                + refusal(transfers.cancelCertificateTransfer(ALICE, id).swap().get()));

        out.println();
        out.println("Next: java -jar examples/server/target/certificate-transfer-server.jar, and drive it with the "
                + "AWS CLI (README, \"The local server\").");
    }

    private void say(String text) {
        out.println();
        out.println(++step + ". " + text);
    }

    private static String describe(Certificate certificate) {
        return certificate.status() + ", owned by " + certificate.owner()
                + certificate
                        .pendingTarget()
                        .map(target -> ", offered to " + target)
                        .getOrElse("");
    }

    /** A refusal, with the status and AWS error name the HTTP adapter would answer it with. */
    private static String refusal(Refusal refusal) {
        var wire = WireError.of(refusal.code());
        return "refused: " + wire.awsStatus() + " " + wire.awsType() + " — " + refusal.message();
    }
}
