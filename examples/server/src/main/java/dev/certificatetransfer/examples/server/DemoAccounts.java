package dev.certificatetransfer.examples.server;

import dev.certificatetransfer.adapter.http.auth.AccessKey;
import dev.certificatetransfer.adapter.http.auth.InMemoryCredentialsStore;
import dev.certificatetransfer.adapter.http.auth.Secret;
import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.Principal;

import java.security.SecureRandom;
import java.util.List;

/**
 * The two accounts the local server creates when it is started without {@code --credentials}: Alice
 * (111111111111) and Bob (222222222222), with an access key, a secret and a bearer token freshly generated at each
 * start, so a server bound beyond localhost never answers to keys anyone could know in advance.
 */
record DemoAccounts(List<Demo> accounts) {

    /** One demo account: a name to call it by, its id, and its generated credentials. */
    record Demo(String name, AccountId account, String accessKeyId, String secretAccessKey, String bearerToken) {

        /** The name, the account and the access key id only: the secret and the token never reach a log. */
        @Override
        public String toString() {
            return "Demo[" + name + ", " + account.value() + ", " + accessKeyId + "]";
        }
    }

    private static final String KEY_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final String SECRET_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    static DemoAccounts generate() {
        var random = new SecureRandom();
        return new DemoAccounts(List.of(demo("alice", "111111111111", random), demo("bob", "222222222222", random)));
    }

    private static Demo demo(String name, String account, SecureRandom random) {
        return new Demo(
                name,
                new AccountId(account),
                "AKIALOCAL" + text(random, KEY_ALPHABET, 11),
                text(random, SECRET_ALPHABET, 40),
                "local-" + name + "-" + text(random, KEY_ALPHABET, 24).toLowerCase(java.util.Locale.ROOT));
    }

    private static String text(SecureRandom random, String alphabet, int length) {
        var text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    InMemoryCredentialsStore credentials() {
        var store = new InMemoryCredentialsStore();
        for (var demo : accounts) {
            var principal = Principal.root(demo.account());
            store.add(new AccessKey(demo.accessKeyId(), Secret.of(demo.secretAccessKey()), principal));
            store.addBearerToken(demo.bearerToken(), principal);
        }
        return store;
    }
}
