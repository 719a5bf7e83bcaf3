package dev.certificatetransfer.adapter.springboot;

import dev.certificatetransfer.adapter.http.Dialect;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The {@code certificate-transfer.http.*} properties: the library's HTTP API on the application's own servlet web
 * server ({@link CertificateTransferHttpAutoConfiguration}). Bound only when that API can be served, so they name
 * types of {@code certificate-transfer-adapters-http}.
 *
 * @param enabled whether the application serves the API (default false)
 * @param dialect the wire format: {@code aws} (default; AWS's restJson1, Signature Version 4, as the AWS SDKs and the
 *        AWS CLI speak it) or {@code envelope} (a JSON envelope, bearer tokens)
 * @param credentialsFile a CSV file of credentials, header {@code account_id,access_key_id,secret_access_key,
 *        bearer_token}, as the local server's {@code --credentials}; none by default
 * @param accounts credentials given as properties, added to those of the file; none by default
 */
@ConfigurationProperties("certificate-transfer.http")
public record CertificateTransferHttpProperties(
        boolean enabled, @DefaultValue("aws") Dialect dialect, Path credentialsFile, List<Account> accounts) {

    /**
     * The properties, checked.
     *
     * @param enabled whether to serve the API
     * @param dialect the dialect
     * @param credentialsFile the credentials file, or null
     * @param accounts the credentials of the properties, or null for none
     * @throws NullPointerException if the dialect is null
     */
    public CertificateTransferHttpProperties {
        Objects.requireNonNull(dialect, "dialect");
        accounts = accounts == null ? List.of() : List.copyOf(accounts);
    }

    /**
     * One account's credentials ({@code certificate-transfer.http.accounts[i].*}): an access key, and maybe a bearer
     * token, that act as the account's root principal. Checked when the credentials store is made, with the name of
     * a wrong property.
     *
     * @param accountId the account, 12 digits for the AWS dialect, any account id of the library for the envelope
     * @param accessKeyId the access key's id, which a Signature Version 4 credential names
     * @param secretAccessKey the key's secret (from the environment or a secret store, not a file in a repository)
     * @param bearerToken the envelope dialect's token for the account, or none
     */
    public record Account(String accountId, String accessKeyId, String secretAccessKey, String bearerToken) {

        /** Masks the secret and the token. */
        @Override
        public String toString() {
            return "Account[" + accountId + ", " + accessKeyId + ", secret and token masked]";
        }
    }
}
