package dev.certificatetransfer.hostwithoutjetty;

import dev.certificatetransfer.adapter.authorization.AllowAuthenticatedAuthorizer;
import dev.certificatetransfer.adapter.http.CertificateTransferHttpApi;
import dev.certificatetransfer.adapter.http.Dialect;
import dev.certificatetransfer.adapter.http.auth.InMemoryCredentialsStore;
import dev.certificatetransfer.adapter.http.message.HttpRequest;
import dev.certificatetransfer.adapter.memory.InMemoryCertificateRepository;
import dev.certificatetransfer.application.CertificateTransferService;
import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.Principal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * A host with its own HTTP stack, run by {@link HostWithoutJettyTest} in a JVM whose module path has the library and
 * its required modules but no Jetty: it builds the translation layer and answers two requests with it. Prints one
 * line per answer, then exits 0; any failure (a missing class, a module that does not resolve) exits non-zero.
 */
public final class HostWithoutJetty {

    private HostWithoutJetty() {}

    public static void main(String[] args) {
        if (ModuleLayer.boot().findModule("dev.certificatetransfer.http").isEmpty()) {
            throw new IllegalStateException("run this with the library on the module path");
        }
        if (ModuleLayer.boot().findModule("org.eclipse.jetty.server").isPresent()) {
            throw new IllegalStateException("Jetty is on the module path");
        }
        var service = CertificateTransferService.builder()
                .repository(new InMemoryCertificateRepository())
                .authorizer(new AllowAuthenticatedAuthorizer())
                .clock(Clock.systemUTC())
                .build();
        var api = CertificateTransferHttpApi.builder()
                .service(service)
                .dialect(Dialect.ENVELOPE)
                .credentials(new InMemoryCredentialsStore()
                        .addBearerToken("token", Principal.root(new AccountId("111111111111"))))
                .build();
        System.out.println(answer(api, new HttpRequest("GET", "/health", "", Map.of(), null)));
        System.out.println(answer(
                api,
                new HttpRequest("GET", "/certificates", "", Map.of("Authorization", List.of("Bearer token")), null)));
    }

    private static String answer(CertificateTransferHttpApi api, HttpRequest request) {
        var response = api.handle(request);
        return response.status() + " " + new String(response.body(), StandardCharsets.UTF_8);
    }
}
