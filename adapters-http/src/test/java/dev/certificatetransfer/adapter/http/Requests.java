package dev.certificatetransfer.adapter.http;

import dev.certificatetransfer.adapter.http.message.HttpRequest;
import dev.certificatetransfer.domain.AccountId;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Builds {@link HttpRequest}s for the translation layer, as the test-account authenticator expects them. */
final class Requests {

    private Requests() {}

    static HttpRequest request(String method, String pathAndQuery, AccountId caller, String body) {
        return request(method, pathAndQuery, caller, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    static HttpRequest request(String method, String pathAndQuery, AccountId caller, byte[] body) {
        int question = pathAndQuery.indexOf('?');
        var path = question < 0 ? pathAndQuery : pathAndQuery.substring(0, question);
        var query = question < 0 ? null : pathAndQuery.substring(question + 1);
        Map<String, List<String>> headers =
                caller == null ? Map.of() : Map.of(TestAuthenticators.TEST_ACCOUNT, List.of(caller.value()));
        return new HttpRequest(method, path, query, headers, body);
    }
}
