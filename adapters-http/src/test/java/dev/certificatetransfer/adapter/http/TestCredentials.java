package dev.certificatetransfer.adapter.http;

import dev.certificatetransfer.adapter.http.auth.AccessKey;
import dev.certificatetransfer.adapter.http.auth.CredentialsStore;
import dev.certificatetransfer.adapter.http.auth.Secret;
import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.Principal;
import dev.certificatetransfer.testing.Accounts;
import io.vavr.control.Option;

import java.util.Map;

/** Access keys and bearer tokens of the three test accounts, in a map behind the credentials port. */
final class TestCredentials implements CredentialsStore {

    static final String ALICE_KEY = "AKIDALICE0000000000A";
    static final String BOB_KEY = "AKIDBOB00000000000B0";
    static final String CAROL_KEY = "AKIDCAROL0000000000C";
    static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

    private final Map<String, AccessKey> keys = Map.of(
            ALICE_KEY, key(ALICE_KEY, Accounts.ALICE),
            BOB_KEY, key(BOB_KEY, Accounts.BOB),
            CAROL_KEY, key(CAROL_KEY, Accounts.CAROL));
    private final Map<String, Principal> tokens = Map.of(
            token(Accounts.ALICE), Principal.root(Accounts.ALICE),
            token(Accounts.BOB), Principal.root(Accounts.BOB),
            token(Accounts.CAROL), Principal.root(Accounts.CAROL));

    /** The bearer token of an account. */
    static String token(AccountId account) {
        return "token-of-" + account.value();
    }

    @Override
    public Option<AccessKey> accessKey(String accessKeyId) {
        return Option.of(keys.get(accessKeyId));
    }

    @Override
    public Option<Principal> bearerToken(String token) {
        return Option.of(tokens.get(token));
    }

    private static AccessKey key(String id, AccountId account) {
        return new AccessKey(id, Secret.of(SECRET), Principal.root(account));
    }
}
