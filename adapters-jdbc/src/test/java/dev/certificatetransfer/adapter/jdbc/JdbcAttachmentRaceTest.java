package dev.certificatetransfer.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.certificatetransfer.testing.AttachmentRaceCheck;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The race of attach and detach against transfer, accept, cancel, reject and delete ({@code AttachmentRaceCheck}), on
 * H2 and on PostgreSQL at read committed and at repeatable read: what holds in every interleaving, checked from the
 * committed events. Few schedules per database (each needs an empty database); more with
 * {@code -Dattachment.race.examples=300}.
 */
class JdbcAttachmentRaceTest {

    private static final int EXAMPLES = Integer.getInteger("attachment.race.examples", 20);

    private final List<HikariDataSource> opened = new ArrayList<>();

    @AfterEach
    void close() {
        opened.forEach(HikariDataSource::close);
    }

    /** The schedules met successful attaches and transfers, and conflicts: the property was not vacuous. */
    private static void triedSomeOfEach(Map<String, Integer> tried) {
        assertThat(tried.keySet())
                .anyMatch(k -> k.startsWith("ATTACH") && k.endsWith(" ok"))
                .anyMatch(k -> k.startsWith("TRANSFER") && k.endsWith(" ok"));
    }

    @Test
    void attachments_race_transfers_and_deletions_with_one_outcome_on_h2() {
        triedSomeOfEach(AttachmentRaceCheck.on(() -> {
                    var ds = TestDatabases.h2InMemory(";LOCK_TIMEOUT=10000");
                    opened.add(ds);
                    return new JdbcCertificateRepository(ds);
                })
                .examples(EXAMPLES)
                .check());
    }

    @Test
    void attachments_race_transfers_and_deletions_with_one_outcome_on_postgresql() {
        triedSomeOfEach(AttachmentRaceCheck.on(() -> {
                    TestDatabases.empty(TestDatabases.postgres());
                    return new JdbcCertificateRepository(TestDatabases.postgres());
                })
                .examples(EXAMPLES)
                .check());
    }

    @Test
    void attachments_race_transfers_and_deletions_with_one_outcome_on_postgresql_at_repeatable_read() {
        var ds = TestDatabases.pool(TestDatabases.postgresUrl(), 8, "TRANSACTION_REPEATABLE_READ");
        opened.add(ds);
        triedSomeOfEach(AttachmentRaceCheck.on(() -> {
                    TestDatabases.empty(ds);
                    return new JdbcCertificateRepository(ds);
                })
                .examples(EXAMPLES)
                .check());
    }
}
