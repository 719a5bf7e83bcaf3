package dev.certificatetransfer.examples.benchmarks;

import org.openjdk.jmh.annotations.Benchmark;

import java.io.IOException;

/**
 * DescribeCertificate end to end over HTTP: a keep-alive socket client ({@code DemoHttpClient}) signs each request
 * (SigV4)
 * and sends it to the AWS-dialect server (Jetty, in-memory storage) on the same machine, with signature
 * verification on, or off to measure what verification costs.
 */
public class HttpDescribeBenchmark extends HttpServerBenchmark {

    /** One signed DescribeCertificate by the owner, on a kept-alive connection. */
    @Benchmark
    public String describeCertificate() throws IOException {
        return client.describe(id);
    }
}
