package io.multitune.ingest;

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
 * Ready means data-ingest can do its work: the broker answers and the state (specs, example index) is rebuilt.
 * The broker is asked on every check, with a short timeout, so readiness drops while the broker is unreachable.
 */
@Readiness
@ApplicationScoped
public class BrokerReadinessCheck implements HealthCheck {
    private final IngestConfig config;
    private final StateRestorer restorer;
    private final DatasetRegistry registry;
    private volatile Admin admin;

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
        long timeoutMs = config.readinessTimeout().toMillis();
        try {
            int nodes = admin().describeCluster(new DescribeClusterOptions().timeoutMs((int) timeoutMs)).nodes()
                    .get(timeoutMs, TimeUnit.MILLISECONDS).size();
            response.withData("brokers", nodes);
        } catch (Exception e) {
            return response.down().withData("broker", "unreachable: " + e.getClass().getSimpleName()).build();
        }
        if (!restorer.isRestored()) {
            return response.down().withData("state", "restoring: " + restorer.lastError()).build();
        }
        return response.up().withData("state", "restored").build();
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
