package dev.certificatetransfer.examples.http;

import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.CertificateId;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;

/**
 * A keep-alive {@link HttpClient} (HTTP/1.1) sending signed AWS-dialect requests to a {@link DemoHttpServer}: each
 * request is signed when sent, as an SDK signs it. Fails loudly on any status but 200.
 */
public final class DemoHttpClient {

    // The direct executor runs the response's completion on the client's selector thread instead of handing it to
    // another pool thread: fewer thread switches per request on a two-core machine.
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Runnable::run).build();
    private final DemoSigner signer;
    private final String base;

    public DemoHttpClient(DemoHttpServer server) {
        this.signer = server.signer();
        this.base = "http://" + server.host();
    }

    /** DescribeCertificate: the response body (the certificate description's JSON). */
    public String describe(CertificateId id) throws IOException, InterruptedException {
        return send("GET", "/certificates/" + id.value(), "");
    }

    /** TransferCertificate to {@code target}. */
    public String transfer(CertificateId id, AccountId target) throws IOException, InterruptedException {
        return send("PATCH", "/transfer-certificate/" + id.value(), "targetAwsAccount=" + target.value());
    }

    /** CancelCertificateTransfer. */
    public String cancel(CertificateId id) throws IOException, InterruptedException {
        return send("PATCH", "/cancel-certificate-transfer/" + id.value(), "");
    }

    private String send(String method, String path, String query) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(base + path + (query.isEmpty() ? "" : "?" + query)))
                .method(method, HttpRequest.BodyPublishers.noBody());
        signer.sign(method, path, query, Instant.now()).forEach(request::header);
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body();
    }
}
