package dev.certificatetransfer.adapter.memory;

import dev.certificatetransfer.port.out.AuthorityStore;
import io.vavr.control.Option;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A thread-safe {@link AuthorityStore} in memory: it keeps nothing across restarts, so an in-memory deployment
 * creates a new certificate authority on every start, and what it issued before no longer chains to it.
 */
public final class InMemoryAuthorityStore implements AuthorityStore {

    private final AtomicReference<StoredAuthority> stored = new AtomicReference<>();

    /** A store that holds no authority yet. */
    public InMemoryAuthorityStore() {
        // nothing stored until the first saveIfAbsent
    }

    @Override
    public Option<StoredAuthority> load() {
        return Option.of(stored.get());
    }

    @Override
    public StoredAuthority saveIfAbsent(StoredAuthority authority) {
        Objects.requireNonNull(authority, "authority");
        return stored.compareAndSet(null, authority) ? authority : stored.get();
    }
}
