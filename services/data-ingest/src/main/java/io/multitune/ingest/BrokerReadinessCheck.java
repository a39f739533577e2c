package io.multitune.ingest;

import io.smallrye.common.annotation.Identifier;
import io.multitune.kafka.BrokerProbe;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready means data-ingest can do its work: the broker answers and the state (specs, example index) is rebuilt.
 * The broker is asked on every check, with a short timeout, so readiness drops while the broker is unreachable.
 */
@Readiness
@ApplicationScoped
public class BrokerReadinessCheck implements HealthCheck {
    private final IngestConfig config;
    private final StateRestorer restorer;
    private final DatasetRegistry registry;
    private BrokerProbe probe;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    BrokerReadinessCheck(IngestConfig config, StateRestorer restorer, DatasetRegistry registry) {
        this.config = config;
        this.restorer = restorer;
        this.registry = registry;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("data-ingest")
                .withData("datasets", registry.size());
        try {
            response.withData("brokers", probe.brokers());
        } catch (BrokerProbe.ProbeFailedException e) {
            return response.down().withData("broker", e.getMessage()).build();
        }
        if (!restorer.isRestored()) {
            return response.down().withData("state", "restoring: " + restorer.lastError()).build();
        }
        return response.up().withData("state", "restored").build();
    }

    @PostConstruct
    void connect() {
        // The probe opens its admin client on first use, not here.
        probe = new BrokerProbe(kafkaConfig, config.readinessTimeout());
    }

    @PreDestroy
    void close() {
        probe.close();
    }
}
