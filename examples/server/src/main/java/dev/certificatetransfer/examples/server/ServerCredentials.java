package dev.certificatetransfer.examples.server;

import dev.certificatetransfer.adapter.http.auth.CredentialsFileException;
import dev.certificatetransfer.adapter.http.auth.CsvCredentials;
import dev.certificatetransfer.adapter.http.auth.InMemoryCredentialsStore;
import io.vavr.control.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Who may call the local server: the accounts of a {@code --credentials} CSV file, or, without one, two demo
 * accounts generated at start ({@link DemoAccounts}); with how the startup block describes them.
 *
 * @param store  the access keys and bearer tokens the HTTP adapter checks
 * @param source where they come from, in words, never a secret
 * @param demo   the demo accounts, whose keys are printed, when no file was given
 */
record ServerCredentials(InMemoryCredentialsStore store, String source, Option<DemoAccounts> demo) {

    /** The largest credentials file read: far more than any real one, so a wrong path cannot exhaust memory. */
    private static final long MAX_CREDENTIALS_BYTES = 64L * 1024 * 1024;

    /**
     * Reads {@code file}, or generates the demo accounts when there is none.
     *
     * @throws StartFailure when the file is not a readable, well-formed UTF-8 credentials file
     */
    static ServerCredentials load(Option<Path> file) {
        return file.map(ServerCredentials::read).getOrElse(ServerCredentials::demoAccounts);
    }

    private static ServerCredentials demoAccounts() {
        var demo = DemoAccounts.generate();
        return new ServerCredentials(
                demo.credentials(), "2 demo accounts generated at start (no --credentials)", Option.some(demo));
    }

    private static ServerCredentials read(Path file) {
        refuseUnlikelyCredentialsFile(file);
        try {
            var store = CsvCredentials.load(file);
            return new ServerCredentials(
                    store,
                    "file " + file.toAbsolutePath().normalize() + " ("
                            + count(store.accessKeyCount(), "access key") + ", "
                            + count(store.bearerTokenCount(), "bearer token")
                            + (store.accessKeyCount() + store.bearerTokenCount() == 0
                                    ? ": nobody can call this server"
                                    : "")
                            + ")",
                    Option.none());
        } catch (UncheckedIOException unreadable) {
            boolean encoding = unreadable.getCause() instanceof CharacterCodingException;
            throw new StartFailure("cannot read the credentials file " + file + " ("
                    + (encoding ? "it is not UTF-8 text" : "not readable") + ")");
        } catch (CredentialsFileException malformed) {
            throw new StartFailure("the credentials file " + file + " is malformed: " + malformed.getMessage());
        }
    }

    private static void refuseUnlikelyCredentialsFile(Path file) {
        unlikelyCredentialsFile(file).forEach(problem -> {
            throw new StartFailure("cannot read the credentials file " + file + " (" + problem + ")");
        });
    }

    /** Why {@code file} cannot be a credentials file, found before reading it; none when it may be one. */
    private static Option<String> unlikelyCredentialsFile(Path file) {
        if (!Files.exists(file)) {
            return Option.some("no such file");
        } else if (Files.isDirectory(file)) {
            return Option.some("it is a directory");
        } else if (!Files.isRegularFile(file)) {
            return Option.some("not a regular file");
        } else if (!Files.isReadable(file)) {
            return Option.some("not readable");
        }
        try {
            return Files.size(file) > MAX_CREDENTIALS_BYTES
                    ? Option.some("larger than " + MAX_CREDENTIALS_BYTES / (1024 * 1024) + " MiB")
                    : Option.none();
        } catch (IOException e) {
            return Option.some("not readable");
        }
    }

    private static String count(int n, String thing) {
        return n + " " + thing + (n == 1 ? "" : "s");
    }
}
