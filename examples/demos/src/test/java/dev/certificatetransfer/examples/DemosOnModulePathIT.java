package dev.certificatetransfer.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The demos as the README runs them, after {@code package}: {@code java -p target/modules -m
 * dev.certificatetransfer.examples}, with no class path, so each one runs as a named module that reads the library
 * only through its exports.
 */
class DemosOnModulePathIT {

    private static final Path MODULES = Path.of("target", "modules");
    private static final String MODULE = "dev.certificatetransfer.examples";

    @TempDir
    Path directory;

    private record Run(int exitStatus, String out, String err) {}

    private Run run(String module) throws Exception {
        var command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-p",
                MODULES.toAbsolutePath().toString(),
                "-m",
                module));
        var builder = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectOutput(directory.resolve("stdout.txt").toFile())
                .redirectError(directory.resolve("stderr.txt").toFile());
        builder.environment().remove("CLASSPATH");
        builder.environment().remove("JDK_JAVA_OPTIONS");
        var process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(module + " did not end within 60 s");
        }
        return new Run(
                process.exitValue(),
                Files.readString(directory.resolve("stdout.txt"), StandardCharsets.UTF_8),
                Files.readString(directory.resolve("stderr.txt"), StandardCharsets.UTF_8));
    }

    @Test
    void the_modules_main_class_is_the_walkthrough_and_it_tells_the_whole_story() throws Exception {
        var run = run(MODULE);

        assertThat(run.exitStatus()).as("exit status; stderr:\n%s", run.err()).isZero();
        assertThat(run.out())
                .containsSubsequence(
                        "1. Alice registers a certificate",
                        "4. Bob (the target) tries to cancel",
                        "refused: 401 UnauthorizedException",
                        "7. Alice cancels a second time",
                        "refused: 410 TransferAlreadyCompletedException");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "JdbcWiringExample     | Delivered 3; a second round finds nothing: 0",
                "CustomAdapterExample  | Acme cancels: ok, INACTIVE",
                "HttpServerExample     | Alice cancels again: 410 {\"success\":false",
                "TransferRulesExample  | Alice cancels: refused, TRANSFER_ALREADY_COMPLETED",
            })
    void each_demo_runs_to_its_end_as_a_named_module(String demo, String lastWord) throws Exception {
        var run = run(MODULE + "/" + MODULE + "." + demo);

        assertThat(run.exitStatus()).as("exit status; stderr:\n%s", run.err()).isZero();
        assertThat(run.out()).contains(lastWord);
    }
}
