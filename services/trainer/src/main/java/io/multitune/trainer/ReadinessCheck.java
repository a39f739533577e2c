package io.multitune.trainer;

import io.multitune.kafka.BrokerProbe;
import io.smallrye.common.annotation.Identifier;
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
 * Ready means the trainer can train: the broker answers, the default base model is loaded and matched ONNX
 * Runtime, and the training thread runs.
 */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {
    private final TrainerConfig config;
    private final BaseModels baseModels;
    private final TrainerLifecycle lifecycle;
    private BrokerProbe probe;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    ReadinessCheck(TrainerConfig config, BaseModels baseModels, TrainerLifecycle lifecycle) {
        this.config = config;
        this.baseModels = baseModels;
        this.lifecycle = lifecycle;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("trainer")
                .withData("replica", String.valueOf(lifecycle.replica()))
                .withData("baseModelLoaded", baseModels.defaultReady())
                .withData("trainingThread", lifecycle.workerAlive());
        try {
            response.withData("brokers", probe.brokers());
        } catch (BrokerProbe.ProbeFailedException e) {
            return response.down().withData("broker", e.getMessage()).build();
        }
        return baseModels.defaultReady() && lifecycle.workerAlive() ? response.up().build() : response.down().build();
    }

    @PostConstruct
    void connect() {
        probe = new BrokerProbe(kafkaConfig, config.readinessTimeout());
    }

    @PreDestroy
    void close() {
        probe.close();
    }
}
