package dev.certificatetransfer.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** The README's demo runs and tells the story it promises, step by step. */
class WalkthroughTest {

    @Test
    void the_walkthrough_transfers_shows_the_targets_view_cancels_and_answers_a_second_cancel_410() {
        var out = new ByteArrayOutputStream();
        var original = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            Walkthrough.main(new String[0]);
        } finally {
            System.setOut(original);
        }
        var text = out.toString(StandardCharsets.UTF_8);
        assertThat(text)
                .containsSubsequence(
                        "1. Alice registers a certificate",
                        "event CERTIFICATE_REGISTERED (version 1, by user:alice (account 111111111111))",
                        "2. Alice transfers it to Bob",
                        "PENDING_TRANSFER, owned by 111111111111, offered to 222222222222",
                        "Bob will own it as arn:aws:iot:us-east-1:222222222222:cert/",
                        "3. Bob looks at what is offered to him",
                        "Bob's list: ",
                        "PENDING_TRANSFER",
                        "message \"Device 1 now belongs to Bob\"",
                        "4. Bob (the target) tries to cancel",
                        "refused: 401 UnauthorizedException",
                        "5. Alice (the source) cancels",
                        "event TRANSFER_CANCELLED (version 3, by user:alice (account 111111111111))",
                        "INACTIVE, owned by 111111111111;",
                        "6. Bob looks again",
                        "refused: 404 ResourceNotFoundException",
                        "7. Alice cancels a second time",
                        "refused: 410 TransferAlreadyCompletedException");
    }
}
