package dev.certificatetransfer.adapter.http;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The default source of request ids: UUID-shaped, unique per server, and cheap. One random 64-bit prefix is drawn
 * when the source is made; each id adds a counter to it, so no request waits on a shared random-number generator
 * ({@code UUID.randomUUID()} measured as a point of contention under load).
 */
final class RequestIds implements Supplier<String> {

    private final long prefix = new SecureRandom().nextLong();
    private final AtomicLong counter = new AtomicLong();

    @Override
    public String get() {
        return new UUID(prefix, counter.incrementAndGet()).toString();
    }
}
