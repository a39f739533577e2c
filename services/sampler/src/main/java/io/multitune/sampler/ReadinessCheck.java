package io.multitune.sampler;

import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
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
    private volatile Admin admin;

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
        long timeoutMs = config.readinessTimeout().toMillis();
        try {
            int nodes = admin().describeCluster(new DescribeClusterOptions().timeoutMs((int) timeoutMs)).nodes()
                    .get(timeoutMs, TimeUnit.MILLISECONDS).size();
            response.withData("brokers", nodes);
        } catch (Exception e) {
            return response.down().withData("broker", "unreachable: " + e.getClass().getSimpleName()).build();
        }
        response.withData("state", engine.status());
        return engine.isLive() ? response.up().build() : response.down().build();
    }

    private Admin admin() {
        if (admin == null) {
            synchronized (this) {
                if (admin == null) {
                    Map<String, Object> props = new HashMap<>(kafkaConfig);
                    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) config.readinessTimeout().toMillis());
                    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                            (int) config.readinessTimeout().toMillis());
                    admin = Admin.create(props);
                }
            }
        }
        return admin;
    }

    @PreDestroy
    void close() {
        if (admin != null) {
            admin.close();
        }
    }
}
