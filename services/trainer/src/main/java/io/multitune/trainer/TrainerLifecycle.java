package io.multitune.trainer;

import io.multitune.encoder.model.Dropouts;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import org.jboss.logging.Logger;

/** Starts the training thread at start-up and lets it hand its job back (checkpointed) at shutdown. */
@ApplicationScoped
public class TrainerLifecycle {
    private static final Logger LOG = Logger.getLogger(TrainerLifecycle.class);
    private static final long STOP_WAIT_MS = 120_000;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @Inject
    TrainerConfig config;
    @Inject
    TrainerEvents events;
    @Inject
    TrainerMetrics metrics;
    @Inject
    BaseModels baseModels;
    @Inject
    ArtifactExport artifacts;
    @Inject
    TopicProvisioner topics;

    private JobWorker worker;
    private Thread thread;
    private String replica;

    void onStart(@Observes StartupEvent event) {
        if (config.provisionTopics()) {
            topics.ensureTopics(kafkaConfig);
        }
        replica = config.replica().orElseGet(TrainerLifecycle::defaultReplica);
        worker = new JobWorker(new TrainerContext(config, events, metrics, baseModels, artifacts, kafkaConfig,
                replica));
        thread = new Thread(worker, "trainer-jobs");
        thread.start();
        LOG.infof("trainer replica %s started; artifact root %s", replica, config.artifactRoot().toAbsolutePath());
        // What decides CPU step time, in one line an operator can grep: see Dropouts and the chart's ompSpinCount.
        LOG.infof("dropout masks: %s; GOMP_SPINCOUNT=%s, OMP_WAIT_POLICY=%s",
                Dropouts.drawsWithVectors() ? "vector" : "scalar",
                System.getenv().getOrDefault("GOMP_SPINCOUNT", "unset"),
                System.getenv().getOrDefault("OMP_WAIT_POLICY", "unset"));
    }

    void onStop(@Observes ShutdownEvent event) {
        if (worker == null) {
            return;
        }
        worker.stop();
        try {
            thread.join(STOP_WAIT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean workerAlive() {
        return worker != null && worker.alive();
    }

    String replica() {
        return replica;
    }

    private static String defaultReplica() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return host + "-" + ManagementFactory.getRuntimeMXBean().getPid();
    }
}
