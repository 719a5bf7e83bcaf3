package dev.certificatetransfer.adapter.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certificatetransfer.adapter.authorization.AllowAuthenticatedAuthorizer;
import dev.certificatetransfer.adapter.http.CertificateTransferHttpApi;
import dev.certificatetransfer.adapter.http.Dialect;
import dev.certificatetransfer.adapter.http.auth.InMemoryCredentialsStore;
import dev.certificatetransfer.adapter.memory.InMemoryCertificateRepository;
import dev.certificatetransfer.application.CertificateTransferService;
import dev.certificatetransfer.testing.Accounts;
import dev.certificatetransfer.testing.TestCertificates;
import jakarta.servlet.ServletInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

/** The servlet between the application's web server and the translation layer, in the envelope dialect. */
class ServletBindingTest {

    private static final int MAX = CertificateTransferHttpApi.MAX_BODY_BYTES;

    private final ServletBinding servlet = new ServletBinding(CertificateTransferHttpApi.builder()
            .service(CertificateTransferService.builder()
                    .repository(new InMemoryCertificateRepository(event -> {}))
                    .authorizer(new AllowAuthenticatedAuthorizer())
                    .clock(Clock.systemUTC())
                    .build())
            .dialect(Dialect.ENVELOPE)
            .credentials(new InMemoryCredentialsStore().addBearerToken("alice", Accounts.principal(Accounts.ALICE)))
            .build());

    private static MockHttpServletRequest request(String method, String uri) {
        var request = new MockHttpServletRequest(method, uri);
        request.addHeader("Authorization", "Bearer alice");
        return request;
    }

    private MockHttpServletResponse serve(MockHttpServletRequest request) throws Exception {
        var response = new MockHttpServletResponse();
        servlet.service(request, response);
        return response;
    }

    @Test
    void a_request_is_answered_with_its_body_headers_and_status() throws Exception {
        var register = request("POST", "/certificate/register-no-ca");
        register.setContent(("{\"certificatePem\":\"" + TestCertificates.pem(1).replace("\n", "\\n") + "\"}")
                .getBytes(StandardCharsets.UTF_8));

        var response = serve(register);

        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        assertThat(response.getContentAsString())
                .contains("\"certificateId\":\"" + TestCertificates.id(1).value());
        assertThat(response.getHeader("x-request-id")).isNotBlank();
        assertThat(response.getContentLength()).isEqualTo(response.getContentAsByteArray().length);
    }

    @Test
    void the_path_is_taken_after_the_context_path_and_the_query_as_sent() throws Exception {
        var list = request("GET", "/api/certificates");
        list.setContextPath("/api");
        list.setQueryString("pageSize=0");

        var response = serve(list);

        assertThat(response.getStatus()).isEqualTo(400); // a page size of 0 is refused: the query arrived
        assertThat(response.getContentAsString()).contains("pageSize");
    }

    @Test
    void a_body_declared_over_the_limit_is_answered_413_without_being_read() throws Exception {
        var tooLarge = new MockHttpServletRequest("POST", "/certificate/register-no-ca") {
            @Override
            public ServletInputStream getInputStream() {
                throw new AssertionError("the body was read");
            }
        };
        tooLarge.addHeader("Content-Length", MAX + 1L);

        var response = serve(tooLarge);

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getHeader("Connection")).isEqualTo("close");
    }

    @Test
    void an_undeclared_body_over_the_limit_is_answered_413() throws Exception {
        var chunked = request("POST", "/certificate/register-no-ca");
        chunked.setContent(new byte[MAX + 100]);

        assertThat(serve(chunked).getStatus()).isEqualTo(413);
    }

    @Test
    void a_request_refused_from_its_head_is_answered_without_its_body_being_read() throws Exception {
        var unauthenticated = new MockHttpServletRequest("POST", "/certificate/register-no-ca") {
            @Override
            public ServletInputStream getInputStream() {
                throw new AssertionError("the body was read");
            }
        };
        unauthenticated.addHeader("Content-Length", 10);
        unauthenticated.addHeader("Authorization", "Bearer mallory");

        var response = serve(unauthenticated);

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getHeader("Connection")).isEqualTo("close");
    }

    @Test
    void a_request_without_credentials_is_refused_in_the_dialect() throws Exception {
        var response = serve(new MockHttpServletRequest("GET", "/certificates"));

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getContentAsString()).contains("\"success\":false");
    }
}
