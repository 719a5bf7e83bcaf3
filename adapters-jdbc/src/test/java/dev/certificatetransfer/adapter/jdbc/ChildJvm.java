package dev.certificatetransfer.adapter.jdbc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A second JVM on the test classpath running a main class of the test sources: its standard output is read line
 * by line, its standard error goes to a file under {@code target/child-jvms} for when it fails.
 */
record ChildJvm(Process process, BufferedReader output, Path errors) {

    static ChildJvm start(Class<?> main, String... arguments) throws IOException {
        Path errors = Files.createDirectories(Path.of("target", "child-jvms"))
                .resolve(main.getSimpleName() + "-" + System.nanoTime() + ".err");
        var command = Stream.concat(
                        Stream.of(
                                Path.of(System.getProperty("java.home"), "bin", "java")
                                        .toString(),
                                "-XX:TieredStopAtLevel=1",
                                "-cp",
                                System.getProperty("java.class.path"),
                                main.getName()),
                        Stream.of(arguments))
                .toList();
        var process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
        return new ChildJvm(
                process,
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)),
                errors);
    }

    /** The next line of its output, or {@code null} once it has closed it. */
    String readLine() throws IOException {
        return output.readLine();
    }

    /** Every line it prints until it closes its output (exits or is killed). */
    List<String> remainingLines() throws IOException {
        var lines = new ArrayList<String>();
        for (String line = output.readLine(); line != null; line = output.readLine()) {
            lines.add(line);
        }
        return lines;
    }
}
