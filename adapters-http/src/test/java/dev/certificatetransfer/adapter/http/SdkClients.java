package dev.certificatetransfer.adapter.http;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.services.iot.IotClient;

/** Real AWS SDK for Java v2 IoT clients (Apache 5 HTTP client, us-east-1, static keys) aimed at a local server. */
final class SdkClients {

    private SdkClients() {
    }

    /** A client signing with the given access key; it does not retry, so each call is one request. */
    static IotClient client(int port, String accessKeyId) {
        return IotClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + port))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(accessKeyId, TestCredentials.SECRET)))
                .httpClientBuilder(Apache5HttpClient.builder())
                .overrideConfiguration(c -> c.retryStrategy(DefaultRetryStrategy.doNotRetry()))
                .build();
    }
}
