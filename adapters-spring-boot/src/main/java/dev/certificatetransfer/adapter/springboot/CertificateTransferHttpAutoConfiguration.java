package dev.certificatetransfer.adapter.springboot;

import dev.certificatetransfer.adapter.http.CertificateTransferHttpApi;
import dev.certificatetransfer.adapter.http.Dialect;
import dev.certificatetransfer.adapter.http.auth.Authenticator;
import dev.certificatetransfer.adapter.http.auth.CredentialsStore;
import dev.certificatetransfer.port.in.CertificateTransferUseCases;
import jakarta.servlet.Servlet;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.time.Clock;
import java.util.LinkedHashSet;

/**
 * The library's HTTP API ({@link CertificateTransferHttpApi}, in either {@link Dialect}) on the application's own
 * servlet web server, when {@code certificate-transfer.http.enabled=true} ({@link CertificateTransferHttpProperties})
 * and the application has {@code certificate-transfer-adapters-http} and a servlet web server. A servlet of its own
 * is mapped to the operations' paths only ({@link CertificateTransferHttpApi#operationPaths()}, such as
 * {@code /transfer-certificate/*}), so every other path stays the application's; it bypasses Spring MVC, as
 * Signature Version 4 verifies the request exactly as it was sent. Each bean backs off for the host's own: an
 * {@link Authenticator} bean, else a {@link CredentialsStore} bean, else the credentials of the properties; a
 * {@code CertificateTransferHttpApi} bean; a registration bean named {@code certificateTransferHttpApiServlet}.
 */
@AutoConfiguration(
        after = {CertificateTransferAutoConfiguration.class, CertificateTransferMetricsAutoConfiguration.class})
@ConditionalOnClass({CertificateTransferHttpApi.class, Servlet.class, ServletRegistrationBean.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBooleanProperty("certificate-transfer.http.enabled")
@ConditionalOnBean(CertificateTransferUseCases.class)
@EnableConfigurationProperties(CertificateTransferHttpProperties.class)
public final class CertificateTransferHttpAutoConfiguration {

    /** The auto-configuration; Spring Boot makes it. */
    public CertificateTransferHttpAutoConfiguration() {
        // nothing to configure
    }

    /**
     * The access keys and bearer tokens of {@code certificate-transfer.http.credentials-file} and
     * {@code certificate-transfer.http.accounts}, unless the application has its own credentials store or
     * authenticator.
     *
     * @param properties the HTTP properties
     * @return the credentials store
     * @throws IllegalStateException if the properties give no credentials
     */
    @Bean
    @ConditionalOnMissingBean({CredentialsStore.class, Authenticator.class})
    public CredentialsStore certificateTransferCredentialsStore(CertificateTransferHttpProperties properties) {
        return HttpCredentials.store(properties);
    }

    /**
     * The translation layer over the application's {@code CertificateTransferUseCases} (the metered one, with
     * metrics).
     *
     * @param service the service
     * @param properties the dialect
     * @param authenticator the application's authenticator, if it has one
     * @param credentials the credentials store, used without an authenticator
     * @param clock the application's clock, if it has one, for Signature Version 4's request dates
     * @return the translation layer
     */
    @Bean
    @ConditionalOnMissingBean
    public CertificateTransferHttpApi certificateTransferHttpApi(
            CertificateTransferUseCases service,
            CertificateTransferHttpProperties properties,
            ObjectProvider<Authenticator> authenticator,
            ObjectProvider<CredentialsStore> credentials,
            ObjectProvider<Clock> clock) {
        var api = CertificateTransferHttpApi.builder()
                .service(service)
                .dialect(properties.dialect())
                .clock(clock.getIfUnique(Clock::systemUTC));
        var own = authenticator.getIfUnique();
        return (own == null ? api.credentials(credentials.getObject()) : api.authenticator(own)).build();
    }

    /**
     * The servlet on the operations' paths.
     *
     * @param api the translation layer
     * @param properties the dialect
     * @param environment where the servlet context path is read
     * @return the registration of the servlet
     * @throws IllegalStateException if the AWS dialect would be served under a context path
     */
    @Bean
    @ConditionalOnMissingBean(name = "certificateTransferHttpApiServlet")
    public ServletRegistrationBean<?> certificateTransferHttpApiServlet(
            CertificateTransferHttpApi api, CertificateTransferHttpProperties properties, Environment environment) {
        var contextPath = environment.getProperty("server.servlet.context-path", "");
        if (api.dialect() == Dialect.AWS && !contextPath.isEmpty() && !contextPath.equals("/")) {
            throw new IllegalStateException(
                    "the AWS dialect is served at the root of the server, as Signature Version 4"
                            + " signs the whole path: leave server.servlet.context-path unset, or use "
                            + "certificate-transfer.http.dialect=envelope");
        }
        var patterns = new LinkedHashSet<String>();
        for (String template : CertificateTransferHttpApi.operationPaths()) {
            int label = template.indexOf("/{");
            patterns.add(label < 0 ? template : template.substring(0, label) + "/*");
        }
        var registration = new ServletRegistrationBean<>(new ServletBinding(api), patterns.toArray(String[]::new));
        registration.setName("certificateTransferHttpApi");
        return registration;
    }

    /**
     * On Tomcat, {@code 100 Continue} is sent when the body is first read, not before the servlet runs (Tomcat's
     * default): a request the API refuses from its head gets its final answer and no {@code 100}; and an encoded
     * {@code /} in a path is passed through to the API. This applies to every servlet of the application on that
     * connector.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(
            name = {
                "org.springframework.boot.tomcat.TomcatConnectorCustomizer",
                "org.apache.catalina.connector.Connector"
            })
    static class ContinueWhenTheBodyIsRead {

        @Bean
        TomcatConnectorCustomizer certificateTransferContinueOnRead() {
            return connector -> connector.setProperty("continueResponseTiming", "onRead");
        }

        /**
         * ListAttachedPolicies names its certificate by ARN in one path segment ({@code /attached-policies/arn%3A...
         * cert%2F<id>}): Tomcat refuses an encoded {@code /} by default (400 before any servlet), so it passes it
         * through, still encoded, for the API to decode. Spring's own mappings still see {@code %2F}, never a
         * separator.
         */
        @Bean
        TomcatConnectorCustomizer certificateTransferEncodedSlashPassedThrough() {
            return connector -> connector.setEncodedSolidusHandling("passthrough");
        }
    }
}
