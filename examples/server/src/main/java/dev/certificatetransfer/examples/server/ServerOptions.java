package dev.certificatetransfer.examples.server;

import dev.certificatetransfer.adapter.http.Dialect;
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

/**
 * The local server's command-line options, parsed without side effects: each option once, as {@code --name value}
 * or {@code --name=value}; a bad one is a message for the user, never an exception.
 */
public record ServerOptions(int port, String bind, Dialect dialect, Region region, Store store,
                            Option<Path> credentials, String logLevel, TransferExpiry transferExpiry) {

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
              --help               print this and exit
            """;

    private static final Set<String> LOG_LEVELS = Set.of("error", "warn", "info", "debug", "trace");
    private static final Set<String> NAMES = Set.of("port", "bind", "dialect", "region", "store", "credentials",
            "log-level", "transfer-ttl");

    /** What the command line asks for: run with options, print the help, or a mistake to report. */
    public sealed interface Parsed {
        /** Start the server with these options. */
        record Run(ServerOptions options) implements Parsed {
        }

        /** Print {@link #USAGE} and exit successfully. */
        record Help() implements Parsed {
        }

        /** A mistake on the command line, explained for the user. */
        record Invalid(String message) implements Parsed {
        }
    }

    /** Reads the command line. */
    public static Parsed parse(String... args) {
        var values = new HashMap<String, String>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                return new Parsed.Help();
            }
            if (!arg.startsWith("--")) {
                return new Parsed.Invalid("unexpected argument '" + arg + "'");
            }
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg.substring(2) : arg.substring(2, equals);
            if (!NAMES.contains(name)) {
                return new Parsed.Invalid("unknown option --" + name);
            }
            String value;
            if (equals >= 0) {
                value = arg.substring(equals + 1);
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                value = args[++i];
            } else {
                return new Parsed.Invalid("option --" + name + " needs a value");
            }
            if (values.put(name, value) != null) {
                return new Parsed.Invalid("option --" + name + " is given twice");
            }
        }
        return options(values).fold(Parsed.Invalid::new, Parsed.Run::new);
    }

    private static Either<String, ServerOptions> options(Map<String, String> values) {
        var port = port(values.getOrDefault("port", "8080"));
        if (port.isLeft()) {
            return Either.left(port.getLeft());
        }
        String bind = values.getOrDefault("bind", "127.0.0.1");
        if (bind.isBlank()) {
            return Either.left("--bind needs an address");
        }
        var dialect = dialect(values.getOrDefault("dialect", "aws"));
        if (dialect.isLeft()) {
            return Either.left(dialect.getLeft());
        }
        Region region;
        try {
            region = new Region(values.getOrDefault("region", Region.US_EAST_1.value()));
        } catch (IllegalArgumentException e) {
            return Either.left("--region: " + e.getMessage() + "; got '" + values.get("region") + "'");
        }
        var store = Store.parse(values.getOrDefault("store", Store.DEFAULT));
        if (store.isLeft()) {
            return Either.left(store.getLeft());
        }
        String logLevel = values.getOrDefault("log-level", "info").toLowerCase(Locale.ROOT);
        if (!LOG_LEVELS.contains(logLevel)) {
            return Either.left("--log-level must be one of error, warn, info, debug, trace; got '"
                    + values.get("log-level") + "'");
        }
        var expiry = transferExpiry(values.get("transfer-ttl"));
        if (expiry.isLeft()) {
            return Either.left(expiry.getLeft());
        }
        Option<Path> credentials = Option.of(values.get("credentials")).map(Path::of);
        return Either.right(new ServerOptions(port.get(), bind, dialect.get(), region, store.get(),
                credentials, logLevel, expiry.get()));
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

    /** {@code 30d}, {@code 12h}, {@code 15m}, {@code 90s} or ISO-8601 ({@code PT1H30M}); absent: never. */
    private static Either<String, TransferExpiry> transferExpiry(String text) {
        if (text == null) {
            return Either.right(TransferExpiry.none());
        }
        String mistake = "--transfer-ttl must be a positive duration such as 30d, 12h, 15m, 90s or PT1H30M"
                + " (at most " + TransferExpiry.MAX_TTL.toDays() + " days); got '" + text + "'";
        try {
            Duration ttl;
            var shorthand = java.util.regex.Pattern.compile("([0-9]{1,9})([dhms])").matcher(text);
            if (shorthand.matches()) {
                long amount = Long.parseLong(shorthand.group(1));
                ttl = switch (shorthand.group(2)) {
                    case "d" -> Duration.ofDays(amount);
                    case "h" -> Duration.ofHours(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    default -> Duration.ofSeconds(amount);
                };
            } else {
                ttl = Duration.parse(text);
            }
            return Either.right(TransferExpiry.after(ttl));
        } catch (DateTimeParseException | IllegalArgumentException | ArithmeticException notADuration) {
            return Either.left(mistake);
        }
    }

    private static Either<String, Dialect> dialect(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "aws" -> Either.right(Dialect.AWS);
            case "envelope" -> Either.right(Dialect.ENVELOPE);
            default -> Either.left("--dialect must be aws or envelope; got '" + text + "'");
        };
    }
}
