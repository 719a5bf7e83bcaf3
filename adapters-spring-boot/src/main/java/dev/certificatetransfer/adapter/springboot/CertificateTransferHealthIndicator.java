package dev.certificatetransfer.adapter.springboot;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import java.util.function.Supplier;

/**
 * The {@code certificateTransfer} component of Actuator's health: up when the store can serve now, with which store
 * it is; down with why (never a secret).
 */
final class CertificateTransferHealthIndicator implements HealthIndicator {

    private final Supplier<StoreHealth> check;

    CertificateTransferHealthIndicator(Supplier<StoreHealth> check) {
        this.check = check;
    }

    @Override
    public Health health() {
        var health = check.get();
        var builder = health.up().fold(Health::unknown, up -> up ? Health.up() : Health.down());
        builder.withDetail("store", health.store());
        if (!health.detail().isEmpty()) {
            builder.withDetail("detail", health.detail());
        }
        if (health.backlog() != null) {
            builder.withDetail("outboxUndelivered", health.backlog().undelivered());
            builder.withDetail(
                    "outboxOldestAgeMillis", health.backlog().oldestAge().toMillis());
        }
        return builder.build();
    }
}
