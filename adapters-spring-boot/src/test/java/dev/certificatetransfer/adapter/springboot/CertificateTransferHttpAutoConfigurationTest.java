package dev.certificatetransfer.adapter.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certificatetransfer.adapter.authorization.AllowAuthenticatedAuthorizer;
import dev.certificatetransfer.adapter.http.CertificateTransferHttpApi;
import dev.certificatetransfer.adapter.http.Dialect;
import dev.certificatetransfer.adapter.http.auth.AuthenticationRefusal;
import dev.certificatetransfer.adapter.http.auth.Authenticator;
import dev.certificatetransfer.adapter.http.auth.CredentialsStore;
import dev.certificatetransfer.adapter.http.auth.InMemoryCredentialsStore;
import dev.certificatetransfer.adapter.http.message.HttpRequest;
import dev.certificatetransfer.adapter.memory.InMemoryCertificateRepository;
import dev.certificatetransfer.application.CertificateTransferService;
import dev.certificatetransfer.domain.Principal;
import dev.certificatetransfer.testing.Accounts;
import io.vavr.control.Either;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.ServletRegistrationBean;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** When the starter serves the HTTP API on the application's servlet web server, and with which credentials. */
class CertificateTransferHttpAutoConfigurationTest {

    private static final String REGISTRATION = "certificateTransferHttpApiServlet";
    private static final String[] ALICES_KEY = {
        "certificate-transfer.http.accounts[0].account-id=111111111111",
        "certificate-transfer.http.accounts[0].access-key-id=AKIAALICE",
        "certificate-transfer.http.accounts[0].secret-access-key=alices-secret",
        "certificate-transfer.http.accounts[0].bearer-token=alices-token"
    };

    private static final AutoConfigurations STARTER = AutoConfigurations.of(
            CertificateTransferAutoConfiguration.class, CertificateTransferHttpAutoConfiguration.class);

    private final WebApplicationContextRunner web = new WebApplicationContextRunner()
            .withConfiguration(STARTER)
            .withPropertyValues("certificate-transfer.http.enabled=true")
            .withPropertyValues(ALICES_KEY);

    private static HttpRequest listWithToken(String token) {
        return new HttpRequest(
                "GET", "/certificates", "", Map.of("Authorization", List.of("Bearer " + token)), new byte[0]);
    }

    @Nested
    class Is_served {

        @Test
        void on_the_operations_paths_only_so_the_applications_other_paths_stay_its_own() {
            web.run(context -> {
                var registration = (ServletRegistrationBean<?>) context.getBean(REGISTRATION);
                assertThat(registration.getUrlMappings())
                        .contains(
                                "/transfer-certificate/*",
                                "/cancel-certificate-transfer/*",
                                "/certificates",
                                "/certificates/*",
                                "/certificate/register-no-ca")
                        .doesNotContain("/", "/*")
                        .allSatisfy(pattern -> assertThat(pattern).doesNotStartWith("/actuator"));
            });
        }

        @Test
        void in_the_aws_dialect_by_default_with_the_access_keys_of_the_properties() {
            web.run(context -> {
                assertThat(context.getBean(CertificateTransferHttpApi.class).dialect())
                        .isEqualTo(Dialect.AWS);
                assertThat(context.getBean(CredentialsStore.class).accessKey("AKIAALICE"))
                        .hasSize(1)
                        .allSatisfy(key -> assertThat(key.principal()).isEqualTo(Accounts.principal(Accounts.ALICE)));
            });
        }

        @Test
        void in_the_envelope_dialect_with_the_bearer_tokens_of_the_properties() {
            web.withPropertyValues("certificate-transfer.http.dialect=envelope").run(context -> {
                var api = context.getBean(CertificateTransferHttpApi.class);
                assertThat(api.dialect()).isEqualTo(Dialect.ENVELOPE);
                assertThat(api.handle(listWithToken("alices-token")).status()).isEqualTo(200);
                assertThat(api.handle(listWithToken("someone-elses")).status()).isEqualTo(401);
            });
        }

        @Test
        void with_the_credentials_of_a_file(@TempDir Path directory) throws IOException {
            var file = Files.writeString(
                    directory.resolve("credentials.csv"),
                    "account_id,access_key_id,secret_access_key,bearer_token\n222222222222,AKIABOB,bobs-secret,\n");
            new WebApplicationContextRunner()
                    .withConfiguration(STARTER)
                    .withPropertyValues(
                            "certificate-transfer.http.enabled=true",
                            "certificate-transfer.http.credentials-file=" + file)
                    .run(context -> assertThat(
                                    context.getBean(CredentialsStore.class).accessKey("AKIABOB"))
                            .hasSize(1));
        }
    }

    @Nested
    class Is_not_served {

        @Test
        void unless_enabled() {
            new WebApplicationContextRunner()
                    .withConfiguration(STARTER)
                    .withPropertyValues(ALICES_KEY)
                    .run(context -> assertThat(context)
                            .hasNotFailed()
                            .hasSingleBean(CertificateTransferService.class)
                            .doesNotHaveBean(CertificateTransferHttpApi.class)
                            .doesNotHaveBean(REGISTRATION));
        }

        @Test
        void in_an_application_that_is_not_a_servlet_web_application() {
            new ApplicationContextRunner()
                    .withConfiguration(STARTER)
                    .withPropertyValues("certificate-transfer.http.enabled=true")
                    .withPropertyValues(ALICES_KEY)
                    .run(context -> assertThat(context)
                            .hasNotFailed()
                            .hasSingleBean(CertificateTransferService.class)
                            .doesNotHaveBean(CertificateTransferHttpApi.class));
        }

        @Test
        void without_adapters_http_and_the_service_still_is() {
            web.withClassLoader(new FilteredClassLoader(CertificateTransferHttpApi.class))
                    .run(context -> assertThat(context)
                            .hasNotFailed()
                            .hasSingleBean(CertificateTransferService.class)
                            .doesNotHaveBean(REGISTRATION));
        }

        @Test
        void without_the_servlet_api_and_the_service_still_is() {
            web.withClassLoader(new FilteredClassLoader(Servlet.class))
                    .run(context -> assertThat(context)
                            .hasNotFailed()
                            .hasSingleBean(CertificateTransferService.class)
                            .doesNotHaveBean(REGISTRATION));
        }

        @Test
        void in_a_host_without_servlet_spring_web_or_adapters_http_and_the_service_still_is() {
            new ApplicationContextRunner()
                    .withConfiguration(STARTER)
                    .withClassLoader(new FilteredClassLoader(
                            "jakarta.servlet.", "org.springframework.web.", "dev.certificatetransfer.adapter.http."))
                    .withPropertyValues("certificate-transfer.http.enabled=true")
                    .run(context -> assertThat(context).hasNotFailed().hasSingleBean(CertificateTransferService.class));
        }
    }

    @Nested
    class Backs_off_to_the_hosts_own {

        @Test
        void authenticator_and_then_needs_no_credentials() {
            var asked = new AtomicInteger();
            Authenticator hosts = request -> {
                asked.incrementAndGet();
                return Either.left(AuthenticationRefusal.unrecognizedClient());
            };
            new WebApplicationContextRunner()
                    .withConfiguration(STARTER)
                    .withPropertyValues("certificate-transfer.http.enabled=true")
                    .withBean(Authenticator.class, () -> hosts)
                    .run(context -> {
                        assertThat(context).hasNotFailed().doesNotHaveBean(CredentialsStore.class);
                        context.getBean(CertificateTransferHttpApi.class).handle(listWithToken("any"));
                        assertThat(asked).hasValue(1);
                    });
        }

        @Test
        void credentials_store() {
            var hosts = new InMemoryCredentialsStore().addBearerToken("hosts-token", Principal.root(Accounts.BOB));
            new WebApplicationContextRunner()
                    .withConfiguration(STARTER)
                    .withPropertyValues(
                            "certificate-transfer.http.enabled=true", "certificate-transfer.http.dialect=envelope")
                    .withBean(CredentialsStore.class, () -> hosts)
                    .run(context -> {
                        assertThat(context).getBean(CredentialsStore.class).isSameAs(hosts);
                        var api = context.getBean(CertificateTransferHttpApi.class);
                        assertThat(api.handle(listWithToken("hosts-token")).status())
                                .isEqualTo(200);
                    });
        }

        @Test
        void translation_layer_and_servlet_registration() {
            var hostsApi = CertificateTransferHttpApi.builder()
                    .service(CertificateTransferService.builder()
                            .repository(new InMemoryCertificateRepository(event -> {}))
                            .authorizer(new AllowAuthenticatedAuthorizer())
                            .clock(Clock.systemUTC())
                            .build())
                    .dialect(Dialect.ENVELOPE)
                    .credentials(new InMemoryCredentialsStore())
                    .build();
            var hostsRegistration = new ServletRegistrationBean<>(new HttpServlet() {}, "/x/*");
            web.withBean(CertificateTransferHttpApi.class, () -> hostsApi)
                    .withBean(REGISTRATION, ServletRegistrationBean.class, () -> hostsRegistration)
                    .run(context -> {
                        assertThat(context)
                                .getBean(CertificateTransferHttpApi.class)
                                .isSameAs(hostsApi);
                        assertThat(context).getBean(REGISTRATION).isSameAs(hostsRegistration);
                    });
        }
    }

    @Nested
    class Stops_the_start {

        @Test
        void without_credentials_naming_the_properties() {
            new WebApplicationContextRunner()
                    .withConfiguration(STARTER)
                    .withPropertyValues("certificate-transfer.http.enabled=true")
                    .run(context -> assertThat(context)
                            .getFailure()
                            .rootCause()
                            .hasMessageContaining("certificate-transfer.http.credentials-file")
                            .hasMessageContaining("certificate-transfer.http.accounts[0]"));
        }

        @Test
        void with_an_account_id_that_is_not_one_naming_the_property() {
            web.withPropertyValues(
                            "certificate-transfer.http.accounts[1].account-id=not an account",
                            "certificate-transfer.http.accounts[1].access-key-id=AKIAX",
                            "certificate-transfer.http.accounts[1].secret-access-key=x")
                    .run(context -> assertThat(context)
                            .getFailure()
                            .rootCause()
                            .hasMessageContaining("certificate-transfer.http.accounts[1].account-id"));
        }

        @Test
        void with_a_tenant_id_in_the_aws_dialect_naming_the_property() {
            web.withPropertyValues(
                            "certificate-transfer.http.accounts[1].account-id=acme",
                            "certificate-transfer.http.accounts[1].access-key-id=AKIAX",
                            "certificate-transfer.http.accounts[1].secret-access-key=x")
                    .run(context -> assertThat(context)
                            .getFailure()
                            .rootCause()
                            .hasMessageContaining("certificate-transfer.http.accounts[1].account-id")
                            .hasMessageContaining("12 digits"));
        }

        @Test
        void with_a_missing_secret_naming_the_property() {
            web.withPropertyValues("certificate-transfer.http.accounts[0].secret-access-key=")
                    .run(context -> assertThat(context)
                            .getFailure()
                            .rootCause()
                            .hasMessageContaining("certificate-transfer.http.accounts[0].secret-access-key"));
        }

        @Test
        void for_the_aws_dialect_under_a_context_path() {
            web.withPropertyValues("server.servlet.context-path=/api")
                    .run(context -> assertThat(context)
                            .getFailure()
                            .rootCause()
                            .hasMessageContaining("server.servlet.context-path"));
        }

        @Test
        void not_for_the_envelope_dialect_under_a_context_path() {
            web.withPropertyValues("server.servlet.context-path=/api", "certificate-transfer.http.dialect=envelope")
                    .run(context -> assertThat(context).hasNotFailed().hasBean(REGISTRATION));
        }
    }
}
