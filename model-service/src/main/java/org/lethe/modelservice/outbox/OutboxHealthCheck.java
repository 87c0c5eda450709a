package org.lethe.modelservice.outbox;

import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import java.util.Map;

/**
 * How far the ledger lags the service ({@code /q/health/well}): pending writes are normal while the node
 * is down and catch up; a FAILED write was refused by the contract for good and needs an operator.
 */
@Wellness
@ApplicationScoped
public class OutboxHealthCheck implements HealthCheck {

    private final LedgerOutbox outbox;

    public OutboxHealthCheck(LedgerOutbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public HealthCheckResponse call() {
        Map<OutboxStatus, Long> counts = outbox.countsByStatus();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("ledger-outbox")
                .status(counts.get(OutboxStatus.FAILED) == 0);
        counts.forEach((status, count) -> response.withData(status.name().toLowerCase(), count));
        return response.build();
    }
}
