package dev.certificatetransfer.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.certificatetransfer.port.out.AuthorityStore;
import dev.certificatetransfer.port.out.AuthorityStore.StoredAuthority;
import dev.certificatetransfer.testing.AuthorityStoreContract;
import org.junit.jupiter.api.Test;

/**
 * The authority store contract on PostgreSQL, in a schema of its own beside a host's tables; and what the table does
 * not hold is refused before it reaches the database, without the key in the message.
 */
class PostgresAuthorityStoreTest extends AuthorityStoreContract {

    @Override
    protected AuthorityStore newStore() {
        TestDatabases.empty(TestDatabases.postgresWithHostTable(), TestDatabases.OWN_SCHEMA);
        return new JdbcAuthorityStore(TestDatabases.postgresWithHostTable(), TestDatabases.OWN_SCHEMA);
    }

    @Test
    void a_key_longer_than_the_table_holds_is_refused_without_being_quoted() {
        var secret = "SECRET".repeat(JdbcAuthorityStore.MAX_PEM_LENGTH / 6 + 1);
        assertThatThrownBy(() -> store.saveIfAbsent(new StoredAuthority("-----BEGIN CERTIFICATE-----", secret)))
                .isInstanceOf(IllegalArgumentException.class)
                .message()
                .doesNotContain("SECRET");
        assertThat(store.load()).isEmpty();
    }
}
