package dev.certificatetransfer.adapter.springboot;

import dev.certificatetransfer.adapter.jdbc.OutboxBacklog;

/**
 * What the health indicator reports of the store: whether it can serve now, which store, and why not.
 *
 * @param up whether the store can serve now
 * @param store which store, such as {@code memory} or {@code jdbc (PostgreSQL)}
 * @param detail why it is down, or empty
 */
record StoreHealth(boolean up, String store, String detail, OutboxBacklog backlog) {

    static StoreHealth up(String store) {
        return new StoreHealth(true, store, "", null);
    }

    static StoreHealth down(String store, String detail) {
        return new StoreHealth(false, store, detail, null);
    }
}
