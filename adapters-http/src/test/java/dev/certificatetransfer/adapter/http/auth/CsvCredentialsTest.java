package dev.certificatetransfer.adapter.http.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.Principal;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Loading access keys and bearer tokens from a CSV file, and refusing a malformed one by its line number. */
class CsvCredentialsTest {

    static final String HEADER = "account_id,access_key_id,secret_access_key,bearer_token\n";
    static final String SECRET_A = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    static final String SECRET_B = "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY";
    static final Principal ALICE = Principal.root(new AccountId("111122223333"));
    static final Principal BOB = Principal.root(new AccountId("444455556666"));
    static final String ACCOUNT_FORM = "account_id must be 1 to 64 ASCII letters, digits, '.', '_' and '-'";

    @TempDir
    Path directory;

    private Path file(String content) throws IOException {
        return Files.writeString(directory.resolve("credentials.csv"), content, StandardCharsets.UTF_8);
    }

    @Nested
    class A_good_file {

        @Test
        void gives_each_key_its_secret_and_the_account_root_and_each_token_its_account() throws IOException {
            var store = CsvCredentials.load(file(HEADER
                    + "111122223333,AKIDALICE," + SECRET_A + ",alice-token\n"
                    + "\n"
                    + "444455556666,AKIDBOB," + SECRET_B + ",\n"
                    + "444455556666,AKIDBOB2," + SECRET_A + "\n"));
            assertThat(store.accessKey("AKIDALICE").get())
                    .isEqualTo(new AccessKey("AKIDALICE", Secret.of(SECRET_A), ALICE));
            assertThat(store.accessKey("AKIDBOB").get().secretAccessKey().value())
                    .isEqualTo(SECRET_B);
            assertThat(store.accessKey("AKIDBOB2").get().principal()).isEqualTo(BOB);
            assertThat(store.accessKey("AKIDNOBODY").isEmpty()).isTrue();
            assertThat(store.bearerToken("alice-token").get()).isEqualTo(ALICE);
            assertThat(store.bearerToken("").isEmpty()).isTrue();
            assertThat(store.bearerToken("bob-token").isEmpty()).isTrue();
        }

        @Test
        void may_name_tenant_accounts() throws IOException {
            var store = CsvCredentials.load(file(HEADER + "acme.eu-1_ops,AKIDACME," + SECRET_A + ",acme-token\n"));
            assertThat(store.bearerToken("acme-token").get()).isEqualTo(Principal.root(new AccountId("acme.eu-1_ops")));
        }

        @Test
        void may_have_windows_line_ends_a_byte_order_mark_and_no_final_newline() throws IOException {
            var store = CsvCredentials.load(file("\uFEFF" + HEADER.replace("\n", "\r\n")
                    + "111122223333,AKIDALICE," + SECRET_A + ",alice-token\r\n"
                    + "444455556666,AKIDBOB," + SECRET_B + ",bob-token"));
            assertThat(store.bearerToken("bob-token").get()).isEqualTo(BOB);
            assertThat(store.accessKey("AKIDALICE").get().principal()).isEqualTo(ALICE);
        }

        @Test
        void may_hold_only_the_header() throws IOException {
            assertThat(CsvCredentials.load(file(HEADER)).accessKey("AKIDALICE").isEmpty())
                    .isTrue();
        }
    }

    @Nested
    class A_malformed_file_is_refused_with_its_line_number {

        @ParameterizedTest(name = "{2}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "1 | account_id,access_key_id,secret_access_key | the first line must be the header "
                            + CsvCredentials.HEADER,
                    "3 | 111122223333,AKIDX | expected 4 columns (" + CsvCredentials.HEADER + "), found 2",
                    "3 | 111122223333,AKIDX,s,t,u | expected 4 columns (" + CsvCredentials.HEADER + "), found 5",
                    "3 | acme/ops,AKIDX,SECRETX,t | " + ACCOUNT_FORM,
                    "3 | acme corp,AKIDX,SECRETX, | " + ACCOUNT_FORM,
                    "3 | ' ,AKIDX,SECRETX,' | " + ACCOUNT_FORM,
                    "3 | 111122223333,,SECRETX, | access_key_id must be letters, digits or '_', and not empty",
                    "3 | 111122223333,AKID/X,SECRETX, | access_key_id must be letters, digits or '_', and not empty",
                    "3 | 111122223333,AKIDX,,t | secret_access_key is empty",
                    "3 | 444455556666,AKIDALICE,SECRETX, | duplicate access_key_id AKIDALICE (first on line 2)",
                    "3 | 444455556666,AKIDX,SECRETX,alice-token | duplicate bearer_token (first on line 2)",
                })
        void naming_what_is_wrong(int line, String content, String problem) throws IOException {
            String text = line == 1
                    ? content + "\n"
                    : HEADER + "111122223333,AKIDALICE," + SECRET_A + ",alice-token\n" + content + "\n";
            assertThatThrownBy(() -> CsvCredentials.load(file(text)))
                    .isInstanceOfSatisfying(
                            CredentialsFileException.class,
                            e -> assertThat(e.lineNumber()).isEqualTo(line))
                    .hasMessage("line " + line + ": " + problem);
        }

        @Test
        void counting_blank_lines_and_an_empty_file_is_refused_at_line_one() throws IOException {
            assertThatThrownBy(() -> CsvCredentials.load(file(HEADER + "\n\n111122223333,AKIDX\n")))
                    .isInstanceOfSatisfying(
                            CredentialsFileException.class,
                            e -> assertThat(e.lineNumber()).isEqualTo(4));
            assertThatThrownBy(() -> CsvCredentials.load(file("")))
                    .isInstanceOfSatisfying(
                            CredentialsFileException.class,
                            e -> assertThat(e.lineNumber()).isEqualTo(1));
        }

        @Test
        void without_a_secret_or_a_token_in_the_message() throws IOException {
            String[] bad = {
                "111122223333,AKIDALICE," + SECRET_B + ",bob-secret-token",
                "acme/ops," + "AKIDB," + SECRET_B + ",bob-secret-token",
                "444455556666,AKIDB," + SECRET_B + "," + "alice-token",
                "444455556666,AKIDB," + SECRET_B + ",bob-secret-token,extra",
            };
            for (String line : bad) {
                String text = HEADER + "111122223333,AKIDALICE," + SECRET_A + ",alice-token\n" + line + "\n";
                assertThatThrownBy(() -> CsvCredentials.load(file(text)))
                        .isInstanceOf(CredentialsFileException.class)
                        .satisfies(e -> assertThat(e.getMessage())
                                .doesNotContain(SECRET_A)
                                .doesNotContain(SECRET_B)
                                .doesNotContain("alice-token")
                                .doesNotContain("bob-secret-token"));
            }
        }

        @Test
        void and_a_missing_file_is_an_input_output_error() {
            assertThatThrownBy(() -> CsvCredentials.load(directory.resolve("absent.csv")))
                    .isInstanceOf(UncheckedIOException.class);
        }
    }
}
