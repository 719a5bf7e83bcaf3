package dev.certificatetransfer.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certificatetransfer.adapter.http.Dialect;
import dev.certificatetransfer.domain.AccountQuota;
import dev.certificatetransfer.domain.Region;
import dev.certificatetransfer.domain.TransferExpiry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;

/** The server's command line: the documented defaults, both spellings, and a clear message for each mistake. */
class ServerOptionsTest {

    private static ServerOptions run(String... args) {
        var parsed = ServerOptions.parse(args);
        assertThat(parsed).isInstanceOf(ServerOptions.Parsed.Run.class);
        return ((ServerOptions.Parsed.Run) parsed).options();
    }

    @Test
    void defaults_are_port_8080_on_localhost_aws_us_east_1_and_an_h2_file_under_data() {
        var options = run();

        assertThat(options.port()).isEqualTo(8080);
        assertThat(options.bind()).isEqualTo("127.0.0.1");
        assertThat(options.dialect()).isEqualTo(Dialect.AWS);
        assertThat(options.region()).isEqualTo(Region.US_EAST_1);
        assertThat(options.store())
                .isInstanceOfSatisfying(
                        Store.Jdbc.class,
                        jdbc -> assertThat(jdbc.url())
                                .isEqualTo("jdbc:h2:file:"
                                        + Path.of("data/certificate-transfer").toAbsolutePath()
                                        + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;TRACE_LEVEL_FILE=0"));
        assertThat(options.credentials().isEmpty()).isTrue();
        assertThat(options.logLevel()).isEqualTo("info");
        assertThat(options.transferExpiry()).isEqualTo(TransferExpiry.none());
        assertThat(options.accountQuota()).isEqualTo(new AccountQuota(10_000, 64L * 1024 * 1024));
    }

    @Test
    void the_account_quota_is_read_as_a_number_or_unlimited_each_limit_on_its_own() {
        assertThat(run("--max-certificates-per-account", "3").accountQuota())
                .isEqualTo(new AccountQuota(3, 64L * 1024 * 1024));
        assertThat(run("--max-certificate-bytes-per-account=5000").accountQuota())
                .isEqualTo(new AccountQuota(10_000, 5000));
        assertThat(run(
                                "--max-certificates-per-account",
                                "unlimited",
                                "--max-certificate-bytes-per-account",
                                "UNLIMITED")
                        .accountQuota())
                .isEqualTo(AccountQuota.unlimited());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "jdbc:h2:file:/tmp/c | jdbc:h2:file:/tmp/c;DB_CLOSE_ON_EXIT=FALSE",
                "jdbc:h2:file:/tmp/c;WRITE_DELAY=0 | jdbc:h2:file:/tmp/c;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE",
                "jdbc:h2:file:/tmp/c;db_close_on_exit=TRUE | jdbc:h2:file:/tmp/c;db_close_on_exit=TRUE",
                "jdbc:postgresql://db/ct | jdbc:postgresql://db/ct"
            })
    void an_h2_url_is_closed_by_the_server_not_by_h2_unless_it_says_otherwise(String given, String opened) {
        assertThat(run("--store", given).store())
                .isInstanceOfSatisfying(
                        Store.Jdbc.class, jdbc -> assertThat(jdbc.url()).isEqualTo(opened));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"30d, P30D", "12h, PT12H", "15m, PT15M", "90s, PT90S", "PT1H30M, PT1H30M", "P2DT3H, P2DT3H"})
    void a_transfer_ttl_is_read_in_shorthand_or_iso_8601(String text, String iso) {
        assertThat(run("--transfer-ttl", text).transferExpiry())
                .isEqualTo(TransferExpiry.after(java.time.Duration.parse(iso)));
    }

    @Test
    void every_option_is_read_in_both_spellings() {
        var options = run(
                "--port=0",
                "--bind",
                "0.0.0.0",
                "--dialect=envelope",
                "--region",
                "eu-west-1",
                "--store",
                "memory",
                "--credentials=keys.csv",
                "--log-level",
                "DEBUG",
                "--transfer-ttl=1h",
                "--max-certificates-per-account=7",
                "--max-certificate-bytes-per-account",
                "9000",
                "--max-connections=50",
                "--threads",
                "4",
                "--max-queued-requests=8",
                "--read-timeout",
                "2m",
                "--min-body-rate=100",
                "--throttle",
                "25");

        assertThat(options)
                .isEqualTo(new ServerOptions(
                        0,
                        "0.0.0.0",
                        Dialect.ENVELOPE,
                        new Region("eu-west-1"),
                        new Store.Memory(),
                        io.vavr.control.Option.some(Path.of("keys.csv")),
                        "debug",
                        TransferExpiry.after(java.time.Duration.ofHours(1)),
                        new AccountQuota(7, 9000),
                        new ServerOptions.HttpLimits(50, 4, 8, java.time.Duration.ofMinutes(2), 100),
                        25));
    }

    @Test
    void the_http_limits_default_to_what_the_usage_says() {
        var limits = run().limits();

        assertThat(limits).isEqualTo(ServerOptions.HttpLimits.DEFAULTS);
        assertThat(ServerOptions.USAGE)
                .contains("connections open at once; more wait to be accepted (default " + limits.maxConnections())
                .contains("per core; a body still arriving holds none (default " + limits.threads())
                .contains("(default " + limits.maxQueuedRequests() + ")")
                .contains("stay silent, as --transfer-ttl (default "
                        + limits.readTimeout().toSeconds() + "s)")
                .contains("or it is answered 408 (default " + limits.minBodyRate() + ")");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "--max-connections, 0",
        "--threads, -1",
        "--max-queued-requests, many",
        "--min-body-rate, 1.5",
        "--read-timeout, 0s",
        "--read-timeout, soon",
        "--throttle, 0",
        "--throttle, fast"
    })
    void a_limit_that_is_not_positive_is_a_mistake_named_after_its_option(String option, String value) {
        assertThat(ServerOptions.parse(option, value))
                .isInstanceOfSatisfying(
                        ServerOptions.Parsed.Invalid.class,
                        invalid -> assertThat(invalid.message()).startsWith(option + " must be"));
    }

    @Test
    void a_jdbc_url_is_used_as_given_and_described_without_its_password() {
        var store = run("--store", "jdbc:postgresql://db:5432/ct?user=ct&password=hunter2")
                .store();

        assertThat(store)
                .isEqualTo(new Store.Jdbc(
                        "jdbc:postgresql://db:5432/ct?user=ct&password=hunter2", "jdbc:postgresql://db:5432/ct"));
        assertThat(run("--store", "jdbc:postgresql://ct:hunter2@db/ct").store().description())
                .isEqualTo("jdbc:postgresql://db/ct");
    }

    @Test
    void help_is_asked_for_wherever_it_appears() {
        assertThat(ServerOptions.parse("--port", "1", "--help")).isInstanceOf(ServerOptions.Parsed.Help.class);
        assertThat(ServerOptions.USAGE)
                .contains(
                        "--port",
                        "--bind",
                        "--dialect",
                        "--region",
                        "--store",
                        "--credentials",
                        "--log-level",
                        "--transfer-ttl",
                        "--max-certificates-per-account",
                        "--max-certificate-bytes-per-account",
                        "--throttle",
                        "--help");
    }

    @Test
    void the_throttle_is_off_unless_asked_for() {
        assertThat(run().throttle()).isEqualTo(ServerOptions.THROTTLE_OFF);
        assertThat(run("--throttle", "off").throttle()).isEqualTo(ServerOptions.THROTTLE_OFF);
        assertThat(run("--throttle=10").throttle()).isEqualTo(10);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "--port 70000               | --port must be a number from 0 to 65535; got '70000'",
                "--port -1                  | --port must be a number from 0 to 65535; got '-1'",
                "--port http                | --port must be a number from 0 to 65535; got 'http'",
                "--port                     | option --port needs a value",
                "--dialect soap             | --dialect must be aws or envelope; got 'soap'",
                "--region US_EAST_1         | --region: a region is lowercase letters, digits and hyphens",
                "--store mongodb://x        | --store must be memory, h2:<path> or a JDBC URL",
                "--store h2:                | --store h2:<path> needs a file path",
                "--store jdbc:mysql://h/db  | --store: the server ships the drivers of H2 (jdbc:h2:...) and PostgreSQL",
                "--log-level loud           | --log-level must be one of error, warn, info, debug, trace; got 'loud'",
                "--verbose                  | unknown option --verbose",
                "8080                       | unexpected argument '8080'",
                "--port 1 --port 2          | option --port is given twice",
                "--transfer-ttl 0s          | --transfer-ttl must be a positive duration",
                "--transfer-ttl -PT1H       | --transfer-ttl must be a positive duration",
                "--transfer-ttl 1w          | --transfer-ttl must be a positive duration",
                "--transfer-ttl 999999999d  | --transfer-ttl must be a positive duration",
                "--transfer-ttl PT0.0001S   | --transfer-ttl must be a positive duration",
                "--max-certificates-per-account 0 | --max-certificates-per-account must be a whole number from 1 up,"
                        + " or unlimited; got '0'",
                "--max-certificates-per-account lots | --max-certificates-per-account must be a whole number",
                "--max-certificate-bytes-per-account -1 | --max-certificate-bytes-per-account must be a whole number",
                "--max-certificate-bytes-per-account 1.5 | --max-certificate-bytes-per-account must be a whole number",
            })
    void a_mistake_is_explained(String commandLine, String message) {
        var parsed = ServerOptions.parse(commandLine.trim().split(" +"));

        assertThat(parsed)
                .isInstanceOfSatisfying(
                        ServerOptions.Parsed.Invalid.class,
                        invalid -> assertThat(invalid.message()).startsWith(message));
    }
}
