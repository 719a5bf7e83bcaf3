package dev.certificatetransfer.hostwithoutjetty;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.certificatetransfer.adapter.http.CertificateTransferHttpApi;
import dev.certificatetransfer.port.in.CertificateTransferUseCases;
import io.vavr.control.Either;
import io.vavr.match.annotation.Patterns;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Jetty is optional in adapters-http: a host that calls {@link CertificateTransferHttpApi} from its own HTTP stack
 * builds and runs it with no Jetty anywhere. A second JVM gets a module path of exactly the modules adapters-http
 * requires (this module, core, vavr with vavr-match, Jackson, slf4j-api), so it resolves only if Jetty is
 * {@code requires static}, and runs {@link HostWithoutJetty} against it.
 */
class HostWithoutJettyTest {

    @Test
    void a_host_without_jetty_builds_the_translation_layer_and_gets_its_answers() throws Exception {
        var modulePath = Stream.of(
                        CertificateTransferHttpApi.class,
                        CertificateTransferUseCases.class,
                        Either.class,
                        Patterns.class,
                        ObjectMapper.class,
                        JsonFactory.class,
                        JsonProperty.class,
                        Logger.class)
                .map(HostWithoutJettyTest::location)
                .distinct()
                .toList();
        assertThat(modulePath).noneMatch(path -> path.toString().contains("jetty"));

        var process = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "--module-path",
                        modulePath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)),
                        "--add-modules",
                        "dev.certificatetransfer.http",
                        "-cp",
                        location(HostWithoutJetty.class).toString(),
                        HostWithoutJetty.class.getName()))
                .redirectErrorStream(true)
                .start();
        String output;
        try (var out = process.getInputStream()) {
            output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS))
                .as("the host JVM ended")
                .isTrue();

        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output)
                .contains("200 {\"status\":\"UP\"")
                .contains("200 {\"success\":true,\"data\":{\"certificates\":[]");
    }

    private static Path location(Class<?> type) {
        try {
            return Path.of(
                    type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
