package dev.certificatetransfer.examples.server;

import dev.certificatetransfer.adapter.http.Dialect;
import dev.certificatetransfer.domain.AccountQuota;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Properties;

/**
 * What the local server prints once it serves: the startup block (dialect, region, store, credentials, transfer
 * expiry, start-up time), the demo accounts with shell lines ready to paste, and last {@code listening on}, the
 * line scripts wait for.
 */
final class StartupBanner {

    private final PrintStream out;
    private final ServerOptions options;

    StartupBanner(PrintStream out, ServerOptions options) {
        this.out = out;
        this.options = options;
    }

    /** Prints it all for a server listening on {@code port}, which took {@code took} to start. */
    void print(ServerCredentials credentials, Duration sweepInterval, int port, Duration took) {
        out.println("certificate-transfer server " + version());
        out.println("  dialect      "
                + (options.dialect() == Dialect.AWS
                        ? "aws (AWS wire format, Signature V4; for the AWS CLI and SDKs)"
                        : "envelope (JSON envelope, Authorization: Bearer <token>)"));
        out.println("  region       " + options.region());
        out.println("  store        " + options.store().description());
        out.println("  credentials  " + credentials.source());
        out.println("  transfers    "
                + options.transferExpiry()
                        .ttl()
                        .map(ttl -> "expire " + ttl + " after their transfer date (ours, not AWS's), swept every "
                                + sweepInterval.toSeconds() + " s")
                        .getOrElse("never expire (as in AWS)"));
        out.println("  quota        " + quota(options.accountQuota()));
        out.println("  health       GET /health");
        out.println("  metrics      GET /metrics (Prometheus text, no credentials)");
        out.println("  ca           GET " + LocalServer.CA_CERTIFICATE_PATH
                + " (the CA of create-keys-and-certificate, kept in the store)");
        out.println("  started in   " + took.toMillis() + " ms");
        String endpoint = "http://" + urlHost(hostForClients(options.bind())) + ":" + port;
        credentials.demo().forEach(demo -> printDemoAccounts(demo, endpoint));
        out.println("listening on http://" + urlHost(options.bind()) + ":" + port);
        out.flush();
    }

    /** The quota as the banner shows it: each limit, or unlimited. */
    private static String quota(AccountQuota quota) {
        if (quota.isUnlimited()) {
            return "unlimited certificates per account";
        }
        return (quota.maxCertificates() == AccountQuota.UNLIMITED
                        ? "unlimited certificates"
                        : quota.maxCertificates() + " certificates")
                + " and "
                + (quota.maxPemBytes() == AccountQuota.UNLIMITED ? "unlimited bytes" : quota.maxPemBytes() + " bytes")
                + " of PEM per account (LimitExceededException past it)";
    }

    private void printDemoAccounts(DemoAccounts demo, String endpoint) {
        out.println();
        out.println("Demo accounts (new keys at every start; use --credentials <csv> for your own):");
        for (var account : demo.accounts()) {
            out.println(
                    "  " + account.name() + " = account " + account.account().value() + ", access key "
                            + account.accessKeyId() + ", bearer token " + account.bearerToken());
        }
        var first = demo.accounts().get(0);
        if (options.dialect() == Dialect.AWS) {
            out.println("Paste into a shell, then run e.g. 'alice iot list-certificates':");
            for (var account : demo.accounts()) {
                out.println("  " + account.name() + "() { " + awsEnvironment(account) + " aws --endpoint-url "
                        + endpoint + " \"$@\"; }");
            }
            out.println("Or set one account for the whole shell:");
            out.println("  export " + awsEnvironment(first) + " AWS_ENDPOINT_URL=" + endpoint);
        } else {
            out.println("Try: curl -s -H 'Authorization: Bearer " + first.bearerToken() + "' " + endpoint
                    + "/certificates");
        }
        out.println();
    }

    private String awsEnvironment(DemoAccounts.Demo account) {
        return "AWS_ACCESS_KEY_ID=" + account.accessKeyId() + " AWS_SECRET_ACCESS_KEY=" + account.secretAccessKey()
                + " AWS_DEFAULT_REGION=" + options.region();
    }

    /** An IPv6 address in a URL goes in brackets. */
    private static String urlHost(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    private static String hostForClients(String bind) {
        return bind.equals("0.0.0.0") || bind.equals("::") ? "127.0.0.1" : bind;
    }

    /** The server's version, written into its jar when it is built. */
    static String version() {
        try (InputStream in = StartupBanner.class.getResourceAsStream("/certificate-transfer-server.properties")) {
            if (in == null) {
                return "(version unknown)";
            }
            var properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "(version unknown)");
        } catch (IOException e) {
            return "(version unknown)";
        }
    }
}
