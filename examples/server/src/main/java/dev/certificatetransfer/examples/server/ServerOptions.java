package dev.certificatetransfer.examples.server;

import dev.certificatetransfer.adapter.http.Dialect;
import dev.certificatetransfer.domain.AccountQuota;
import dev.certificatetransfer.domain.Region;
import dev.certificatetransfer.domain.TransferExpiry;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The local server's command-line options, parsed without side effects: each option once, as {@code --name value}
 * or {@code --name=value}; a bad one is a message for the user, never an exception.
 */
public record ServerOptions(
        int port,
        String bind,
        Dialect dialect,
        Region region,
        Store store,
        Option<Path> credentials,
        String logLevel,
        TransferExpiry transferExpiry,
        AccountQuota accountQuota,
        HttpLimits limits,
        int throttle) {

    /** {@link #throttle()} when no limit is set: {@code --throttle off}, the default. */
    public static final int THROTTLE_OFF = 0;

    /** The local server's quota unless told otherwise: 10,000 certificates and 64 MiB of PEM per account. */
    public static final AccountQuota DEFAULT_QUOTA = new AccountQuota(10_000, 64L * 1024 * 1024);

    /** The text {@code --help} prints. */
    public static final String USAGE = """
            Usage: java -jar certificate-transfer-server.jar [options]

            A local, AWS-compatible endpoint for AWS IoT Core's certificate-transfer calls.

            Options:
              --port <n>           port to listen on, 0 picks a free one (default 8080)
              --bind <address>     address to listen on (default 127.0.0.1; 0.0.0.0 for every interface)
              --dialect <d>        aws: AWS wire format with Signature V4, for the AWS CLI and SDKs;
                                   envelope: the JSON envelope with bearer tokens (default aws)
              --region <r>         the region the server serves and checks signatures for (default us-east-1)
              --store <s>          memory, h2:<path> (an H2 file database), or a JDBC URL such as
                                   jdbc:postgresql://host:5432/db?user=u&password=p
                                   (default h2:./data/certificate-transfer)
              --credentials <csv>  accounts and keys, header account_id,access_key_id,secret_access_key,bearer_token;
                                   without it two demo accounts are created and their keys printed
              --log-level <l>      error, warn, info, debug or trace (default info; debug logs one line per request)
              --transfer-ttl <d>   pending transfers expire after this long (ours, not AWS's; default never):
                                   30d, 12h, 15m, 90s or an ISO-8601 duration such as PT1H30M
              --max-certificates-per-account <n>
                                   the most certificates one account may own; past it, registering or
                                   accepting answers LimitExceededException, 410 (default 10000; or unlimited)
              --max-certificate-bytes-per-account <n>
                                   the most bytes of PEM one account's certificates may hold
                                   (default 67108864, 64 MiB; or unlimited)
              --max-connections <n>
                                   connections open at once; more wait to be accepted (default 1000)
              --threads <n>        worker threads that run requests, besides Jetty's acceptor and one selector
                                   per core; a body still arriving holds none (default 32)
              --max-queued-requests <n>
                                   requests waiting for a thread; beyond it the connection is closed
                                   (default 256)
              --read-timeout <d>   how long a connection may stay silent, as --transfer-ttl (default 15s)
              --min-body-rate <n>  bytes per second: a body must arrive within the read timeout plus its
                                   length at this rate, or it is answered 408 (default 4096)
              --throttle <n>       at most n requests per second per account (a burst of n passes); past it,
                                   ThrottlingException, 400 (default off)
              --help               print this and exit
            """;

    private static final Set<String> LOG_LEVELS = Set.of("error", "warn", "info", "debug", "trace");
    private static final Set<String> NAMES = Set.of(
            "port",
            "bind",
            "dialect",
            "region",
            "store",
            "credentials",
            "log-level",
            "transfer-ttl",
            "max-certificates-per-account",
            "max-certificate-bytes-per-account",
            "max-connections",
            "threads",
            "max-queued-requests",
            "read-timeout",
            "min-body-rate",
            "throttle");
    private static final Pattern SHORTHAND_DURATION = Pattern.compile("([0-9]{1,9})([dhms])");

    /**
     * The HTTP server's limits under slow and many clients, each given to {@code CertificateTransferServer}'s
     * builder.
     *
     * @param maxConnections connections open at once
     * @param threads worker threads that run requests
     * @param maxQueuedRequests requests waiting for a worker thread
     * @param readTimeout how long a connection may stay silent
     * @param minBodyRate the slowest a body may arrive, in bytes per second
     */
    public record HttpLimits(
            int maxConnections, int threads, int maxQueuedRequests, Duration readTimeout, long minBodyRate) {

        /** The defaults the usage text states. */
        public static final HttpLimits DEFAULTS = new HttpLimits(1000, 32, 256, Duration.ofSeconds(15), 4096);
    }

    /** What the command line asks for: run with options, print the help, or a mistake to report. */
    public sealed interface Parsed {
        /** Start the server with these options. */
        record Run(ServerOptions options) implements Parsed {}

        /** Print {@link #USAGE} and exit successfully. */
        record Help() implements Parsed {}

        /** A mistake on the command line, explained for the user. */
        record Invalid(String message) implements Parsed {}
    }

    /** Reads the command line. */
    public static Parsed parse(String... args) {
        return values(args)
                .fold(parsed -> parsed, values -> options(values).fold(Parsed.Invalid::new, Parsed.Run::new));
    }

    /** Each option's value by its name; or, first, a request for help or a mistake in the command line's shape. */
    private static Either<Parsed, Map<String, String>> values(String... args) {
        var values = new HashMap<String, String>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                return Either.left(new Parsed.Help());
            }
            var name = name(arg);
            if (name.isLeft()) {
                return Either.left(new Parsed.Invalid(name.getLeft()));
            }
            int equals = arg.indexOf('=');
            boolean valueFollows = i + 1 < args.length && !args[i + 1].startsWith("--");
            if (equals < 0 && !valueFollows) {
                return Either.left(new Parsed.Invalid("option --" + name.get() + " needs a value"));
            }
            String value = equals >= 0 ? arg.substring(equals + 1) : args[++i];
            if (values.put(name.get(), value) != null) {
                return Either.left(new Parsed.Invalid("option --" + name.get() + " is given twice"));
            }
        }
        return Either.right(values);
    }

    /** The name of the option {@code --name} or {@code --name=value}. */
    private static Either<String, String> name(String arg) {
        if (!arg.startsWith("--")) {
            return Either.left("unexpected argument '" + arg + "'");
        }
        int equals = arg.indexOf('=');
        String name = equals < 0 ? arg.substring(2) : arg.substring(2, equals);
        return NAMES.contains(name) ? Either.right(name) : Either.left("unknown option --" + name);
    }

    /** The options, each value read or defaulted; the first mistake, in the order of {@link #USAGE}, if any. */
    private static Either<String, ServerOptions> options(Map<String, String> values) {
        var port = port(values.getOrDefault("port", "8080"));
        var bind = bind(values.getOrDefault("bind", "127.0.0.1"));
        var dialect = dialect(values.getOrDefault("dialect", "aws"));
        var region = region(values.getOrDefault("region", Region.US_EAST_1.value()));
        var store = Store.parse(values.getOrDefault("store", Store.DEFAULT));
        var logLevel = logLevel(values.getOrDefault("log-level", "info"));
        var expiry = transferExpiry(values.get("transfer-ttl"));
        var maxCertificates = limit("max-certificates-per-account", values, DEFAULT_QUOTA.maxCertificates());
        var maxBytes = limit("max-certificate-bytes-per-account", values, DEFAULT_QUOTA.maxPemBytes());
        Option<Path> credentials = Option.of(values.get("credentials")).map(Path::of);
        var limits = limits(values);
        var throttle = throttle(values.getOrDefault("throttle", "off"));
        return Stream.<Either<String, ?>>of(
                        port,
                        bind,
                        dialect,
                        region,
                        store,
                        logLevel,
                        expiry,
                        maxCertificates,
                        maxBytes,
                        limits,
                        throttle)
                .filter(Either::isLeft)
                .findFirst()
                .<Either<String, ServerOptions>>map(mistake -> Either.left(mistake.getLeft()))
                .orElseGet(() -> Either.right(new ServerOptions(
                        port.get(),
                        bind.get(),
                        dialect.get(),
                        region.get(),
                        store.get(),
                        credentials,
                        logLevel.get(),
                        expiry.get(),
                        new AccountQuota(maxCertificates.get(), maxBytes.get()),
                        limits.get(),
                        throttle.get())));
    }

    private static Either<String, Integer> throttle(String text) {
        if (text.equalsIgnoreCase("off")) {
            return Either.right(THROTTLE_OFF);
        }
        try {
            int rate = Integer.parseInt(text);
            if (rate >= 1) {
                return Either.right(rate);
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        return Either.left(
                "--throttle must be a whole number of requests per second from 1 up, or off; got '" + text + "'");
    }

    private static Either<String, HttpLimits> limits(Map<String, String> values) {
        var defaults = HttpLimits.DEFAULTS;
        var connections = atLeastOne(values, "max-connections", defaults.maxConnections());
        var threads = atLeastOne(values, "threads", defaults.threads());
        var queued = atLeastOne(values, "max-queued-requests", defaults.maxQueuedRequests());
        var rate = atLeastOne(values, "min-body-rate", (int) defaults.minBodyRate());
        Either<String, Duration> timeout = Option.of(values.get("read-timeout"))
                .map(ServerOptions::readTimeout)
                .getOrElse(Either.right(defaults.readTimeout()));
        return connections.flatMap(c -> threads.flatMap(t ->
                queued.flatMap(q -> timeout.flatMap(d -> rate.map(r -> new HttpLimits(c, t, q, d, r))))));
    }

    private static Either<String, Integer> atLeastOne(Map<String, String> values, String name, int otherwise) {
        var text = values.get(name);
        if (text == null) {
            return Either.right(otherwise);
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= 1) {
                return Either.right(value);
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        return Either.left("--" + name + " must be a whole number of at least 1; got '" + text + "'");
    }

    private static Either<String, Duration> readTimeout(String text) {
        try {
            var timeout = duration(text);
            if (!timeout.isNegative() && !timeout.isZero()) {
                return Either.right(timeout);
            }
        } catch (DateTimeParseException | ArithmeticException notADuration) {
            // answered below
        }
        return Either.left("--read-timeout must be a positive duration such as 15s, 2m or PT30S; got '" + text + "'");
    }

    /** A quota's limit: a whole number from 1 up, or {@code unlimited}; absent: the default. */
    private static Either<String, Long> limit(String name, Map<String, String> values, long byDefault) {
        String text = values.get(name);
        if (text == null) {
            return Either.right(byDefault);
        }
        if (text.equalsIgnoreCase("unlimited")) {
            return Either.right(AccountQuota.UNLIMITED);
        }
        try {
            long limit = Long.parseLong(text);
            if (limit >= 1) {
                return Either.right(limit);
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        return Either.left("--" + name + " must be a whole number from 1 up, or unlimited; got '" + text + "'");
    }

    private static Either<String, Integer> port(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 0 && port <= 65_535) {
                return Either.right(port);
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        return Either.left("--port must be a number from 0 to 65535; got '" + text + "'");
    }

    private static Either<String, String> bind(String text) {
        return text.isBlank() ? Either.left("--bind needs an address") : Either.right(text);
    }

    private static Either<String, Region> region(String text) {
        try {
            return Either.right(new Region(text));
        } catch (IllegalArgumentException e) {
            return Either.left("--region: " + e.getMessage() + "; got '" + text + "'");
        }
    }

    private static Either<String, String> logLevel(String text) {
        String level = text.toLowerCase(Locale.ROOT);
        return LOG_LEVELS.contains(level)
                ? Either.right(level)
                : Either.left("--log-level must be one of error, warn, info, debug, trace; got '" + text + "'");
    }

    /** {@code 30d}, {@code 12h}, {@code 15m}, {@code 90s} or ISO-8601 ({@code PT1H30M}); absent: never. */
    private static Either<String, TransferExpiry> transferExpiry(String text) {
        if (text == null) {
            return Either.right(TransferExpiry.none());
        }
        try {
            return Either.right(TransferExpiry.after(duration(text)));
        } catch (DateTimeParseException | IllegalArgumentException | ArithmeticException notADuration) {
            return Either.left("--transfer-ttl must be a positive duration such as 30d, 12h, 15m, 90s or PT1H30M"
                    + " (at most " + TransferExpiry.MAX_TTL.toDays() + " days); got '" + text + "'");
        }
    }

    private static Duration duration(String text) {
        var shorthand = SHORTHAND_DURATION.matcher(text);
        if (!shorthand.matches()) {
            return Duration.parse(text);
        }
        long amount = Long.parseLong(shorthand.group(1));
        return switch (shorthand.group(2)) {
            case "d" -> Duration.ofDays(amount);
            case "h" -> Duration.ofHours(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofSeconds(amount);
        };
    }

    private static Either<String, Dialect> dialect(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "aws" -> Either.right(Dialect.AWS);
            case "envelope" -> Either.right(Dialect.ENVELOPE);
            default -> Either.left("--dialect must be aws or envelope; got '" + text + "'");
        };
    }
}
