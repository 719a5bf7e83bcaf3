package dev.certificatetransfer.adapter.http;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.services.iot.IotClient;

import java.net.URI;

/** Real AWS SDK for Java v2 IoT clients (Apache 5 HTTP client, us-east-1, static keys) aimed at a local server. */
final class SdkClients {

    private SdkClients() {}

    /** A client signing with the given access key; it does not retry, so each call is one request. */
    static IotClient client(int port, String accessKeyId) {
        return client(port, accessKeyId, TestCredentials.SECRET, Region.US_EAST_1);
    }

    /** A client signing with any key, secret and region, to provoke each signature failure. */
    static IotClient client(int port, String accessKeyId, String secretAccessKey, Region region) {
        return IotClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + port))
                .region(region)
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secretAccessKey)))
                .httpClientBuilder(Apache5HttpClient.builder())
                .overrideConfiguration(c -> c.retryStrategy(DefaultRetryStrategy.doNotRetry()))
                .build();
    }
}
