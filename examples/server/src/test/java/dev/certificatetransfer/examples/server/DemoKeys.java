package dev.certificatetransfer.examples.server;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.services.iot.IotClient;

import java.net.URI;
import java.util.regex.Pattern;

/** The AWS SDK client a user gets by taking a demo account's keys from what the local server printed. */
final class DemoKeys {

    private DemoKeys() {}

    /** A client for {@code account} ({@code alice} or {@code bob}), signing with the keys in its printed shell line. */
    static IotClient client(String printed, int port, String account) {
        var key = Pattern.compile(
                        "(?m)^  " + account + "\\(\\) \\{ AWS_ACCESS_KEY_ID=(\\S+) AWS_SECRET_ACCESS_KEY=(\\S+) ")
                .matcher(printed);
        if (!key.find()) {
            throw new AssertionError("no demo key for " + account + " in:\n" + printed);
        }
        return client(port, AwsBasicCredentials.create(key.group(1), key.group(2)));
    }

    /** A client signing with {@code credentials}, each request seen by the {@code interceptors} too. */
    static IotClient client(int port, AwsCredentials credentials, ExecutionInterceptor... interceptors) {
        return IotClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + port))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .httpClientBuilder(Apache5HttpClient.builder())
                .overrideConfiguration(c -> {
                    c.retryStrategy(DefaultRetryStrategy.doNotRetry());
                    for (var interceptor : interceptors) {
                        c.addExecutionInterceptor(interceptor);
                    }
                })
                .build();
    }
}
