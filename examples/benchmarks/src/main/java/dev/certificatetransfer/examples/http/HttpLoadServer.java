package dev.certificatetransfer.examples.http;

import java.time.Instant;
import java.util.concurrent.CountDownLatch;

/**
 * Starts the demo AWS-dialect server on its own for a load generator ({@code examples/benchmarks/load/describe-wrk.sh})
 * and
 * prints, on standard output, {@code listening on http://127.0.0.1:PORT}, the path of a DescribeCertificate request
 * ({@code path /certificates/...}) and its signed headers ({@code header Name: value}), valid for 15 minutes.
 * Runs until killed. Arguments: {@code [port]} (default 0, an ephemeral port) and {@code [on|off]} (signature
 * verification, default on).
 */
public final class HttpLoadServer {

    private HttpLoadServer() {}

    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        boolean verify = args.length < 2 || !args[1].equals("off");
        var server = new DemoHttpServer(port, 1, verify);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        String path = "/certificates/" + server.certificate(0).value();
        System.out.println("listening on http://" + server.host());
        System.out.println("path " + path);
        server.signer()
                .sign("GET", path, "", Instant.now())
                .forEach((name, value) -> System.out.println("header " + name + ": " + value));
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
