package dev.certificatetransfer.examples.benchmarks;

import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.examples.http.DemoHttpClient;
import dev.certificatetransfer.examples.http.DemoHttpServer;
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

import java.util.concurrent.TimeUnit;

/**
 * What the HTTP benchmarks share: the AWS-dialect server (Jetty, in-memory storage) on an ephemeral port with one
 * certificate of Alice's, signature verification on or off, and a keep-alive socket client ({@code DemoHttpClient}) on
 * the
 * same machine that signs every request.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public abstract class HttpServerBenchmark {

    @Param({"on", "off"})
    public String verification;

    protected DemoHttpServer server;
    protected DemoHttpClient client;
    protected CertificateId id;

    @Setup
    public void start() throws java.io.IOException {
        server = new DemoHttpServer(0, 1, verification.equals("on"));
        client = new DemoHttpClient(server);
        id = server.certificate(0);
    }

    @TearDown
    public void stop() throws java.io.IOException {
        client.close();
        server.close();
    }
}
