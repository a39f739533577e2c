package io.multitune.sampler;

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
 * Ready means the sampler can do its work: the broker answers and the state (pools, runs, job positions) has been
 * rebuilt from the topics. The broker is asked on every check, so readiness drops while it is unreachable.
 */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {
    private final SamplerConfig config;
    private final SamplerEngine engine;
    private BrokerProbe probe;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    ReadinessCheck(SamplerConfig config, SamplerEngine engine) {
        this.config = config;
        this.engine = engine;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("sampler")
                .withData("activeJobs", engine.activeJobs());
        try {
            response.withData("brokers", probe.brokers());
        } catch (BrokerProbe.ProbeFailedException e) {
            return response.down().withData("broker", e.getMessage()).build();
        }
        response.withData("state", engine.status());
        return engine.isLive() ? response.up().build() : response.down().build();
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
