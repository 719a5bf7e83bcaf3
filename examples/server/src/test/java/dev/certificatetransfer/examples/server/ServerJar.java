package dev.certificatetransfer.examples.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The packaged server jar ({@code target/certificate-transfer-server.jar}, after {@code package}) run as a user runs
 * it, in a directory of its own that also holds what it prints: {@code stdout.txt} and {@code stderr.txt}.
 */
final class ServerJar implements AutoCloseable {

    private static final Path JAR = Path.of("target", "certificate-transfer-server.jar");
    private static final Pattern LISTENING = Pattern.compile("(?m)^listening on http://127\\.0\\.0\\.1:(\\d+)$");

    private final Path directory;
    private final Process process;

    private ServerJar(Path directory, Process process) {
        this.directory = directory;
        this.process = process;
    }

    /** Starts {@code java -jar certificate-transfer-server.jar options...} in {@code directory}. */
    static ServerJar launch(Path directory, String... options) throws IOException {
        var command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                JAR.toAbsolutePath().toString()));
        command.addAll(List.of(options));
        var process = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectOutput(directory.resolve("stdout.txt").toFile())
                .redirectError(directory.resolve("stderr.txt").toFile())
                .start();
        return new ServerJar(directory, process);
    }

    /** Waits (up to 30 s) for the {@code listening on} line and answers its port, or -1 if the process ended first. */
    int awaitListening() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            var listening = LISTENING.matcher(stdout());
            if (listening.find()) {
                return Integer.parseInt(listening.group(1));
            }
            if (!process.isAlive()) {
                return -1;
            }
            Thread.sleep(20);
        }
        return -1;
    }

    /** Waits (up to 30 s) for the process to end by itself and answers its exit status. */
    int awaitExit() throws InterruptedException {
        return awaitExit(30);
    }

    /** Waits up to {@code seconds} for the process to end and answers its exit status. */
    int awaitExit(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            throw new AssertionError("the server did not exit; printed:\n" + stdout() + stderr());
        }
        return process.exitValue();
    }

    /** Sends SIGTERM, as {@code kill} or a service manager does, without waiting. */
    void terminate() {
        process.destroy();
    }

    /** Stops the server with SIGTERM and waits (up to 30 s) until it has exited, its last words written. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (process.waitFor(30, TimeUnit.SECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.destroyForcibly();
        throw new AssertionError("the server did not stop on SIGTERM");
    }

    String stdout() {
        return read(directory.resolve("stdout.txt"));
    }

    String stderr() {
        return read(directory.resolve("stderr.txt"));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
