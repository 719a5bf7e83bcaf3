package dev.certificatetransfer.adapter.springboot;

import dev.certificatetransfer.adapter.jdbc.JdbcSchema;
import dev.certificatetransfer.domain.Region;
import dev.certificatetransfer.domain.TransferExpiry;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.Objects;

/**
 * The {@code certificate-transfer.*} properties. Each is checked as it is bound, so a wrong value stops the
 * application at start with the property's name and why, instead of failing on the first call.
 *
 * @param region the region in every ARN ({@code certificate-transfer.region}), default {@code us-east-1}
 * @param transfer transfer expiry, ours (docs/behaviour.md, section 14)
 * @param jdbc the store in the host's {@code DataSource}; ignored when the service stores in memory
 */
@ConfigurationProperties("certificate-transfer")
public record CertificateTransferProperties(
        @DefaultValue("us-east-1") Region region,
        @DefaultValue Transfer transfer,
        @DefaultValue Jdbc jdbc) {

    /**
     * The properties, checked.
     *
     * @param region the region
     * @param transfer transfer expiry
     * @param jdbc the JDBC store
     * @throws NullPointerException if any is null
     */
    public CertificateTransferProperties {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(transfer, "transfer");
        Objects.requireNonNull(jdbc, "jdbc");
    }

    /**
     * Transfer expiry ({@code certificate-transfer.transfer.*}): off unless a time-to-live is given.
     *
     * @param timeToLive how long a transfer may stay pending before it expires; none (the default) means never, as
     *        on AWS; else a positive whole number of milliseconds of at most {@link TransferExpiry#MAX_TTL}
     * @param sweepInterval how often the expiry sweep writes the expiries nobody has noticed, from the end of one
     *        sweep to the start of the next (only with a time-to-live); default one minute, at least a millisecond
     */
    public record Transfer(
            Duration timeToLive, @DefaultValue("1m") Duration sweepInterval) {

        /**
         * The transfer properties, checked.
         *
         * @param timeToLive the time-to-live, or null for none
         * @param sweepInterval the sweep interval
         * @throws IllegalArgumentException if the time-to-live or the interval is out of range
         */
        public Transfer {
            if (timeToLive != null) {
                TransferExpiry.after(timeToLive); // throws, with its own message, if out of range
            }
            requirePositive(sweepInterval, "the transfer sweep interval");
        }

        /**
         * The expiry these properties ask for.
         *
         * @return {@link TransferExpiry#none()} without a time-to-live, else the expiry after it
         */
        public TransferExpiry expiry() {
            return timeToLive == null ? TransferExpiry.none() : TransferExpiry.after(timeToLive);
        }
    }

    /**
     * The store in the host's {@code DataSource} ({@code certificate-transfer.jdbc.*}).
     *
     * @param dataSource the name of the {@code DataSource} bean to store in, needed only when the application has
     *        several and none is {@code @Primary}; none (the default) means the one {@code DataSource}, or the primary
     * @param schema the schema of our tables; none (the default) means the {@code DataSource}'s default schema
     * @param migrate whether the application runs our migrations at start (default true); false when the host runs
     *        them with its own Flyway
     * @param relay the outbox relay, which turns the stored events into Spring application events
     */
    public record Jdbc(
            String dataSource,
            String schema,
            @DefaultValue("true") boolean migrate,
            @DefaultValue Relay relay) {

        /**
         * The JDBC properties, checked.
         *
         * @param dataSource the name of the {@code DataSource} bean, or null for the only or primary one
         * @param schema the schema, or null for the default one
         * @param migrate whether to migrate at start
         * @param relay the relay
         * @throws IllegalArgumentException if the bean name or the schema is blank
         * @throws NullPointerException if the relay is null
         */
        public Jdbc {
            if (dataSource != null && dataSource.isBlank()) {
                throw new IllegalArgumentException(
                        "a DataSource bean name is not blank; leave it unset for the only or primary DataSource");
            }
            if (schema != null && schema.isBlank()) {
                throw new IllegalArgumentException("a schema name is not blank; leave it unset for the default one");
            }
            if (schema != null) {
                JdbcSchema.named(schema); // refused while binding, so that the failure names the property
            }
            Objects.requireNonNull(relay, "relay");
        }
    }

    /**
     * The outbox relay ({@code certificate-transfer.jdbc.relay.*}).
     *
     * @param enabled whether the application runs the relay (default true); false when another process delivers the
     *        outbox, or the host calls {@code OutboxRelay.deliverBatch} itself
     * @param interval the time from the end of one delivery run to the start of the next; default 200 ms, at least
     *        a millisecond
     * @param retention how long delivered events stay in the outbox before they are deleted; none (the default) keeps
     *        them
     */
    public record Relay(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("200ms") Duration interval,
            Duration retention) {

        /**
         * The relay properties, checked.
         *
         * @param enabled whether to run the relay
         * @param interval the interval
         * @param retention the retention, or null to keep delivered events
         * @throws IllegalArgumentException if the interval or the retention is not positive
         */
        public Relay {
            requirePositive(interval, "the relay interval");
            if (retention != null) {
                requirePositive(retention, "the outbox retention");
            }
        }
    }

    private static void requirePositive(Duration duration, String what) {
        Objects.requireNonNull(duration, what);
        if (duration.toMillis() < 1) {
            throw new IllegalArgumentException(what + " is at least a millisecond, not " + duration);
        }
    }
}
