package dev.certificatetransfer.adapter.springboot;

import dev.certificatetransfer.adapter.http.Dialect;
import dev.certificatetransfer.adapter.http.auth.AccessKey;
import dev.certificatetransfer.adapter.http.auth.CsvCredentials;
import dev.certificatetransfer.adapter.http.auth.InMemoryCredentialsStore;
import dev.certificatetransfer.adapter.http.auth.Secret;
import dev.certificatetransfer.adapter.springboot.CertificateTransferHttpProperties.Account;
import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.Principal;

/**
 * The credentials store of the {@code certificate-transfer.http.*} properties: the file's credentials, then those of
 * the properties. A wrong value stops the start with the property's name, never the secret.
 */
final class HttpCredentials {

    static final String PREFIX = "certificate-transfer.http.";

    private HttpCredentials() {}

    static InMemoryCredentialsStore store(CertificateTransferHttpProperties properties) {
        if (properties.credentialsFile() == null && properties.accounts().isEmpty()) {
            throw new IllegalStateException(PREFIX + "enabled=true needs credentials: " + PREFIX + "credentials-file, "
                    + PREFIX + "accounts[0].*, or a CredentialsStore or Authenticator bean of the application's");
        }
        var store = properties.credentialsFile() == null
                ? new InMemoryCredentialsStore()
                : CsvCredentials.load(properties.credentialsFile());
        for (int i = 0; i < properties.accounts().size(); i++) {
            add(store, properties.accounts().get(i), PREFIX + "accounts[" + i + "].", properties.dialect());
        }
        return store;
    }

    private static void add(InMemoryCredentialsStore store, Account account, String property, Dialect dialect) {
        var id = AccountId.parse(account.accountId() == null ? "" : account.accountId())
                .getOrElseThrow(refused -> new IllegalArgumentException(
                        property + "account-id is 1 to 64 ASCII letters, digits, '.', '_' and '-'"));
        if (dialect == Dialect.AWS && !id.isAwsAccountId()) {
            // the AWS dialect would refuse every request of such an account (403): refused at start instead
            throw new IllegalArgumentException(property + "account-id is 12 digits in the AWS dialect (AWS's wire names"
                    + " accounts so); tenant ids such as '" + id.value() + "' need " + PREFIX + "dialect=envelope");
        }
        if (account.accessKeyId() == null || account.accessKeyId().isBlank()) {
            throw new IllegalArgumentException(property + "access-key-id is missing");
        }
        if (account.secretAccessKey() == null || account.secretAccessKey().isEmpty()) {
            throw new IllegalArgumentException(property + "secret-access-key is missing");
        }
        var principal = Principal.root(id);
        store.add(new AccessKey(account.accessKeyId(), Secret.of(account.secretAccessKey()), principal));
        if (account.bearerToken() != null && !account.bearerToken().isBlank()) {
            store.addBearerToken(account.bearerToken(), principal);
        }
    }
}
