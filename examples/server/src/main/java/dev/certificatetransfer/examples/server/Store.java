package dev.certificatetransfer.examples.server;

import io.vavr.control.Either;

import java.nio.file.Path;
import java.util.Locale;

/** Where the local server keeps certificates: in memory, in an H2 file, or behind any JDBC URL. */
public sealed interface Store {

    /** The default: an H2 file database under {@code ./data}. */
    String DEFAULT = "h2:./data/certificate-transfer";

    /** How the store is described in the startup block and by {@code /health}: never a password. */
    String description();

    /** Nothing survives a restart. */
    record Memory() implements Store {
        @Override
        public String description() {
            return "memory (nothing survives a restart)";
        }
    }

    /**
     * A database reached through JDBC. H2 files are opened with {@code WRITE_DELAY=0}, so an acknowledged change
     * survives a kill of the server's process.
     */
    record Jdbc(String url, String description) implements Store {
        @Override
        public String toString() {
            return "Jdbc[" + description + "]";
        }
    }

    /** Reads {@code memory}, {@code h2:<path>} or {@code jdbc:...}. */
    static Either<String, Store> parse(String text) {
        if (text.equals("memory")) {
            return Either.right(new Memory());
        }
        if (text.startsWith("h2:")) {
            String file = text.substring(3);
            if (file.isBlank() || file.contains(";")) {
                return Either.left("--store h2:<path> needs a file path without ';'; got '" + text + "'");
            }
            Path path = Path.of(file).toAbsolutePath().normalize();
            return Either.right(new Jdbc(
                    "jdbc:h2:file:" + path + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;TRACE_LEVEL_FILE=0",
                    "h2 file " + path + ".mv.db"));
        }
        if (text.startsWith("jdbc:h2:")) {
            return Either.right(new Jdbc(closedByTheServer(text), withoutSecrets(text)));
        }
        if (text.startsWith("jdbc:postgresql:")) {
            return Either.right(new Jdbc(text, withoutSecrets(text)));
        }
        if (text.startsWith("jdbc:")) {
            return Either.left("--store: the server ships the drivers of H2 (jdbc:h2:...) and PostgreSQL"
                    + " (jdbc:postgresql://...) only; got '" + withoutSecrets(text) + "'");
        }
        return Either.left(
                "--store must be memory, h2:<path> or a JDBC URL (jdbc:...); got '" + withoutSecrets(text) + "'");
    }

    /**
     * An H2 URL with {@code DB_CLOSE_ON_EXIT=FALSE} unless it names that setting itself: otherwise H2's own shutdown
     * hook closes the database while the server is still draining (the relay's last round, requests in flight).
     */
    private static String closedByTheServer(String url) {
        return url.toUpperCase(Locale.ROOT).contains(";DB_CLOSE_ON_EXIT=") ? url : url + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    /** The URL up to its parameters ({@code ?} or {@code ;}) and without user information: what may be printed. */
    private static String withoutSecrets(String url) {
        String shown = url;
        int parameters = indexOfAny(shown, '?', ';');
        if (parameters >= 0) {
            shown = shown.substring(0, parameters);
        }
        int at = shown.lastIndexOf('@');
        int scheme = shown.indexOf("//");
        if (at >= 0 && scheme >= 0 && at > scheme) {
            shown = shown.substring(0, scheme + 2) + shown.substring(at + 1);
        }
        return shown;
    }

    private static int indexOfAny(String text, char first, char second) {
        int a = text.indexOf(first);
        int b = text.indexOf(second);
        return a < 0 ? b : b < 0 ? a : Math.min(a, b);
    }
}
