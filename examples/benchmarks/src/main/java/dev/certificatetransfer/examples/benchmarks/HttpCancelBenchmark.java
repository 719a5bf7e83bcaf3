package dev.certificatetransfer.examples.benchmarks;

import dev.certificatetransfer.examples.http.DemoHttpServer;
import org.openjdk.jmh.annotations.Benchmark;

import java.io.IOException;

/**
 * A transfer+cancel cycle end to end over HTTP: TransferCertificate to Bob then CancelCertificateTransfer by Alice,
 * two signed PATCH requests from a keep-alive socket client ({@code DemoHttpClient}) to the AWS-dialect server
 * (in-memory
 * storage) on the same machine, with signature verification on or off.
 */
public class HttpCancelBenchmark extends HttpServerBenchmark {

    /** One full cycle: TransferCertificate to Bob, then CancelCertificateTransfer by Alice. */
    @Benchmark
    public String transferThenCancelCycle() throws IOException {
        client.transfer(id, DemoHttpServer.BOB);
        return client.cancel(id);
    }
}
