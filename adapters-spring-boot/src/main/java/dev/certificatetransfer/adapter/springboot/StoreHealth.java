package dev.certificatetransfer.adapter.springboot;

import dev.certificatetransfer.adapter.jdbc.OutboxBacklog;
import io.vavr.control.Option;

/**
 * What the health indicator reports of the store: whether it can serve now (or, for a store the starter does not
 * know, that it cannot tell), which store, and why not.
 *
 * @param up whether the store can serve now; none when the starter cannot tell (a host's own repository)
 * @param store which store, such as {@code memory} or {@code jdbc (PostgreSQL)}
 * @param detail why it is down or unknown, or empty
 */
record StoreHealth(Option<Boolean> up, String store, String detail, OutboxBacklog backlog) {

    static StoreHealth up(String store) {
        return new StoreHealth(Option.some(true), store, "", null);
    }

    static StoreHealth down(String store, String detail) {
        return new StoreHealth(Option.some(false), store, detail, null);
    }

    static StoreHealth unknown(String store, String detail) {
        return new StoreHealth(Option.none(), store, detail, null);
    }
}
