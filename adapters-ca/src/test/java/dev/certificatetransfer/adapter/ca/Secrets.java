package dev.certificatetransfer.adapter.ca;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

/** Checks that a text quotes nothing of a secret or of an input: no 16 characters of it in a row. */
final class Secrets {

    private static final int WINDOW = 16;

    private Secrets() {}

    /** Asserts the text holds no 16-character run of the input, the input's PEM BEGIN and END lines aside. */
    static void assertQuotesNothingOf(String text, String input) {
        var quoted = new ArrayList<String>();
        for (var part : withoutPemLines(input)) {
            for (int i = 0; i + WINDOW <= part.length(); i++) {
                var run = part.substring(i, i + WINDOW);
                if (!run.isBlank() && text.contains(run)) {
                    quoted.add(run);
                }
            }
        }
        assertThat(quoted).as("runs of the input quoted in: %s", text).isEmpty();
    }

    /** Asserts that neither the throwable's message nor any of its causes' quotes the secret. */
    static void assertNoCauseQuotes(Throwable thrown, String secret) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            assertQuotesNothingOf(String.valueOf(t), secret);
        }
    }

    private static List<String> withoutPemLines(String input) {
        return input.lines()
                .filter(line -> !line.contains("-----BEGIN ") && !line.contains("-----END "))
                .toList();
    }
}
