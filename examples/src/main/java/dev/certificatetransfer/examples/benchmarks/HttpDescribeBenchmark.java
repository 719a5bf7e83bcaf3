package dev.certificatetransfer.examples.benchmarks;

import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.examples.http.DemoHttpClient;
import dev.certificatetransfer.examples.http.DemoHttpServer;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * DescribeCertificate end to end over HTTP: a keep-alive {@code java.net.http} client signs each request (SigV4)
 * and sends it to the AWS-dialect server (Jetty, in-memory storage) on the same machine, with signature
 * verification on, or off to measure what verification costs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class HttpDescribeBenchmark {

    @Param({"on", "off"})
    public String verification;

    private DemoHttpServer server;
    private DemoHttpClient client;
    private CertificateId id;

    @Setup
    public void start() {
        server = new DemoHttpServer(0, 1, verification.equals("on"));
        client = new DemoHttpClient(server);
        id = server.certificate(0);
    }

    @TearDown
    public void stop() {
        server.close();
    }

    /** One signed DescribeCertificate by the owner, on a kept-alive connection. */
    @Benchmark
    public String describeCertificate() throws IOException, InterruptedException {
        return client.describe(id);
    }
}
