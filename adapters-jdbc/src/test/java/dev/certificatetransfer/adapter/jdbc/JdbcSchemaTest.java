package dev.certificatetransfer.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A schema's name is an identifier that means the same on every database, never SQL. */
class JdbcSchemaTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "certificate_transfer",
                "_x",
                "ct2",
                "a23456789012345678901234567890123456789012345678901234567890123"
            })
    void lower_case_identifiers_of_up_to_63_characters_are_schema_names(String name) {
        var schema = JdbcSchema.named(name);
        assertThat(schema.name()).containsExactly(name);
        assertThat(schema.qualify("certificate")).isEqualTo("\"" + name + "\".certificate");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "x; DROP TABLE certificate; --",
                "a\"b",
                "a.b",
                "Certificate_Transfer",
                "2fast",
                "with space",
                "a234567890123456789012345678901234567890123456789012345678901234",
                "caf\u00e9"
            })
    void anything_else_is_refused_before_it_reaches_sql(String name) {
        assertThatThrownBy(() -> JdbcSchema.named(name))
                .as("refused, and not echoed")
                .isInstanceOf(IllegalArgumentException.class)
                .message()
                .satisfies(message ->
                        assertThat(name.isEmpty() || !message.contains(name)).isTrue());
    }

    @Test
    void the_connections_default_schema_leaves_the_tables_names_bare() {
        assertThat(JdbcSchema.CONNECTION_DEFAULT.name()).isEmpty();
        assertThat(JdbcSchema.CONNECTION_DEFAULT.qualify("certificate")).isEqualTo("certificate");
        assertThat(JdbcSchema.named("ct"))
                .isEqualTo(JdbcSchema.named("ct"))
                .isNotEqualTo(JdbcSchema.CONNECTION_DEFAULT);
    }
}
