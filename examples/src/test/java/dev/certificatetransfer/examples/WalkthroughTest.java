package dev.certificatetransfer.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The README's demo runs and tells the story it promises. */
class WalkthroughTest {

    @Test
    void the_walkthrough_shows_who_may_cancel_and_what_the_losers_are_told() {
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
                .contains("Bob (the target) tries to cancel: refused, UNAUTHORIZED")
                .contains("Carol (a stranger) tries to cancel: refused, NOT_FOUND")
                .contains("Alice (the source) cancels: ok, INACTIVE, owner 111111111111")
                .contains("Bob tries to accept the cancelled transfer: refused, TRANSFER_ALREADY_COMPLETED")
                .contains("Bob accepts it as ACTIVE: ok, ACTIVE, owner 222222222222")
                .contains("Alice tries to cancel after the accept: refused, TRANSFER_ALREADY_COMPLETED")
                .contains("event: TRANSFER_CANCELLED by 111111111111 PENDING_TRANSFER -> INACTIVE");
    }
}
