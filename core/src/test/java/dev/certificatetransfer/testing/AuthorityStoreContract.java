package dev.certificatetransfer.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certificatetransfer.port.out.AuthorityStore;
import dev.certificatetransfer.port.out.AuthorityStore.StoredAuthority;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The contract every {@link AuthorityStore} passes: empty at first, the first authority saved is the one kept (also
 * when several threads save at once), and both PEM texts come back exactly as saved. Extend it and create a fresh
 * empty store in {@link #newStore()}.
 */
public abstract class AuthorityStoreContract {

    private static final int RACERS = 8;

    protected AuthorityStore store;

    /** A new, empty store; called before every test. */
    protected abstract AuthorityStore newStore();

    @BeforeEach
    void createStore() {
        store = newStore();
    }

    @Test
    void a_new_store_holds_no_authority() {
        assertThat(store.load().isEmpty()).isTrue();
    }

    @Test
    void the_first_authority_saved_is_stored_and_returned() {
        var first = authority(1);

        assertThat(store.saveIfAbsent(first)).isEqualTo(first);
        assertThat(store.load().get()).isEqualTo(first);
    }

    @Test
    void a_later_save_returns_the_authority_stored_first_and_changes_nothing() {
        var first = authority(1);
        store.saveIfAbsent(first);

        assertThat(store.saveIfAbsent(authority(2))).isEqualTo(first);
        assertThat(store.load().get()).isEqualTo(first);
    }

    @Test
    void the_pem_texts_come_back_exactly_as_saved() {
        var withLineBreaks = new StoredAuthority(
                "-----BEGIN CERTIFICATE-----\nMIIB\r\nAAAA\n-----END CERTIFICATE-----\n",
                "-----BEGIN PRIVATE KEY-----\nMIIE\nBBBB\n-----END PRIVATE KEY-----\n");
        store.saveIfAbsent(withLineBreaks);

        assertThat(store.load().get()).isEqualTo(withLineBreaks);
    }

    @Test
    void of_authorities_saved_at_once_one_is_kept_and_every_saver_is_given_it() throws Exception {
        var start = new CountDownLatch(1);
        var executor = Executors.newFixedThreadPool(RACERS);
        try {
            var saves = new ArrayList<Future<StoredAuthority>>();
            for (int i = 0; i < RACERS; i++) {
                var mine = authority(i);
                saves.add(executor.submit(() -> {
                    start.await();
                    return store.saveIfAbsent(mine);
                }));
            }
            start.countDown();
            var returned = new HashSet<StoredAuthority>();
            for (var save : saves) {
                returned.add(save.get());
            }
            assertThat(returned).containsExactly(store.load().get());
        } finally {
            executor.shutdownNow();
        }
    }

    /** A distinct authority; the store checks no PEM, so these need not be real. */
    protected static StoredAuthority authority(int index) {
        return new StoredAuthority(
                "-----BEGIN CERTIFICATE-----\nCERT" + index + "\n-----END CERTIFICATE-----\n",
                "-----BEGIN PRIVATE KEY-----\nKEY" + index + "\n-----END PRIVATE KEY-----\n");
    }
}
