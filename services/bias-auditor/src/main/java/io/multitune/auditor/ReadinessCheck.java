package io.multitune.auditor;

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
 * Ready means the bias auditor can audit: the broker answers, ONNX Runtime, the default base model's tokenizer and
 * the term lists are loaded. A model that fails its audit does not make it unready: that is the model's fault,
 * reported as an event.
 */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {
    private final AuditorConfig config;
    private final AuditorLifecycle lifecycle;
    private BrokerProbe probe;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    ReadinessCheck(AuditorConfig config, AuditorLifecycle lifecycle) {
        this.config = config;
        this.lifecycle = lifecycle;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("bias-auditor")
                .withData("scoringReady", lifecycle.scoringReady());
        var engine = lifecycle.engineIfStarted();
        if (engine != null) {
            response.withData("runsWaiting", engine.runsWaiting());
        }
        if (lifecycle.readinessProblem() != null) {
            response.withData("problem", lifecycle.readinessProblem());
        }
        try {
            response.withData("brokers", probe.brokers());
        } catch (BrokerProbe.ProbeFailedException e) {
            return response.down().withData("broker", e.getMessage()).build();
        }
        return lifecycle.scoringReady() ? response.up().build() : response.down().build();
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
