package dev.certificatetransfer.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certificatetransfer.port.out.AuthorityStore;
import dev.certificatetransfer.port.out.AuthorityStore.StoredAuthority;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The contract every {@link AuthorityStore} passes: empty until the first {@code saveIfAbsent}, which stores the
 * authority exactly; every later one, and every one that races it, answers the authority stored first. Extend it and
 * create a fresh empty store in {@link #newStore()}.
 */
public abstract class AuthorityStoreContract {

    protected AuthorityStore store;

    /** A new, empty store; called before every test. */
    protected abstract AuthorityStore newStore();

    @BeforeEach
    void createStore() {
        store = newStore();
    }

    /** An authority whose PEM texts say which one it is (the store does not parse them). */
    protected static StoredAuthority authority(int n) {
        return new StoredAuthority(
                "-----BEGIN CERTIFICATE-----\nCA " + n + "\n-----END CERTIFICATE-----\n",
                "-----BEGIN PRIVATE KEY-----\nkey " + n + "\n-----END PRIVATE KEY-----\n");
    }

    @Test
    void an_empty_store_has_no_authority() {
        assertThat(store.load()).isEmpty();
    }

    @Test
    void the_first_save_stores_the_authority_exactly() {
        assertThat(store.saveIfAbsent(authority(1))).isEqualTo(authority(1));
        assertThat(store.load()).containsExactly(authority(1));
    }

    @Test
    void a_second_save_answers_the_first_authority_and_changes_nothing() {
        store.saveIfAbsent(authority(1));
        assertThat(store.saveIfAbsent(authority(2))).isEqualTo(authority(1));
        assertThat(store.load()).containsExactly(authority(1));
    }

    @Test
    void of_saves_that_race_one_authority_is_stored_and_every_save_answers_it() throws Exception {
        int racers = 8;
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(racers);
        try {
            List<Future<StoredAuthority>> answers = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                var mine = authority(i);
                Callable<StoredAuthority> save = () -> {
                    start.await();
                    return store.saveIfAbsent(mine);
                };
                answers.add(pool.submit(save));
            }
            start.countDown();
            var stored = store.load();
            var first = answers.get(0).get(30, TimeUnit.SECONDS);
            for (var answer : answers) {
                assertThat(answer.get(30, TimeUnit.SECONDS)).isEqualTo(first);
            }
            assertThat(store.load()).containsExactly(first);
            assertThat(stored.toList()).isSubsetOf(first);
        } finally {
            pool.shutdownNow();
        }
    }
}
