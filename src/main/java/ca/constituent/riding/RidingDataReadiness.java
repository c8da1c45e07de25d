package ca.constituent.riding;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready until the ridings, FSA candidates and boundaries are in memory: lookups would answer 404 before. */
@Readiness
@ApplicationScoped
class RidingDataReadiness implements HealthCheck {

    private final RidingDatasets datasets;

    RidingDataReadiness(RidingDatasets datasets) {
        this.datasets = datasets;
    }

    @Override
    public HealthCheckResponse call() {
        RidingSnapshot snapshot = datasets.snapshot();
        return HealthCheckResponse.named("riding-data")
                .status(datasets.ready())
                .withData("dataset", snapshot.ridingsVersion())
                .withData("postalCodeTable", snapshot.postalCodesVersion())
                .build();
    }
}
