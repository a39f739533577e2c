package io.multitune.cli.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.multitune.cli.common.KafkaSettings;
import io.multitune.cli.common.Processes;
import io.multitune.cli.common.ProjectLayout;
import io.multitune.cli.ingest.IngestClient;
import io.multitune.cli.ingest.IngestOptions;
import io.multitune.cli.ingest.IngestResult;
import io.multitune.cli.services.ServiceHandle;
import io.multitune.cli.services.ServiceLauncher;
import io.multitune.events.DatasetProfiled;
import io.multitune.events.DatasetSpec;
import io.multitune.events.SourceFormat;
import io.multitune.events.TaskType;
import io.multitune.events.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A packaged service against a broker that requires SASL, configured only as the Helm chart configures it: the
 * packaged data-ingest, as its own process, gets KAFKA_BOOTSTRAP_SERVERS, KAFKA_SECURITY_PROTOCOL,
 * KAFKA_SASL_MECHANISM and KAFKA_SASL_JAAS_CONFIG (and no Kafka setting otherwise). It must provision its topics,
 * restore its state and become ready on /q/health/ready, then turn an import sent by the CLI into a profile: its admin
 * client, its consumer (raw-in) and its producers (examples-out, datasets-out) all authenticate. Needs
 * services/data-ingest/target/quarkus-app (failsafe runs after the services are packaged in the reactor build).
 */
class SaslServiceIT {
    private static final String SERVICE = "data-ingest";

    @TempDir
    Path dir;

    @Test
    void dataIngestWithTheChartsVariablesIsReadyAndWorksAgainstASaslBroker() throws Exception {
        ProjectLayout layout = ProjectLayout.detect();
        ServiceLauncher probeLauncher = new ServiceLauncher(layout, KafkaSettings.forBootstrap("localhost:9"));
        Path runJar = probeLauncher.catalog().require(SERVICE).runJar(layout.root());
        assumeTrue(Files.isRegularFile(runJar), "skipped: " + runJar + " is missing; package it first: ./mvnw -B -pl "
                + "services/data-ingest -am package -DskipTests");
        List<String> inherited = System.getenv().keySet().stream()
                .filter(k -> k.startsWith("KAFKA_") && !k.equals(KafkaSettings.BOOTSTRAP_ENV)).sorted().toList();
        assumeTrue(inherited.isEmpty(), "skipped: this JVM's environment has " + inherited
                + ", which the service would inherit; unset them");

        LocalBroker.Handle broker = LocalBroker.start(LocalBroker.Options.of(dir.resolve("broker"), Processes.freePort())
                .withSaslPlain(SaslBrokerTest.USER, SaslBrokerTest.PASSWORD)).stopOnExit();
        ServiceHandle service = null;
        try {
            Map<String, String> chartEnv = SaslBrokerTest.saslEnvironment(broker.bootstrapServers(),
                    SaslBrokerTest.PASSWORD);
            KafkaSettings kafka = KafkaSettings.from(chartEnv, null);
            ServiceLauncher launcher = new ServiceLauncher(layout, kafka);
            assertEquals(chartEnv, kafka.serviceEnvironment(), "the service gets exactly the chart's Kafka variables");

            long t0 = System.nanoTime();
            service = launcher.start(SERVICE, Map.of(ServiceLauncher.ARTIFACT_ROOT_ENV, dir.resolve("artifacts").toString()),
                    Processes.freePort(), Duration.ofSeconds(60)).stopOnExit();
            System.out.printf("%s ready against the SASL broker in %.1f s%n", SERVICE, (System.nanoTime() - t0) / 1e9);
            assertTrue(ServiceLauncher.isReady(service.port()));

            List<String> own = List.of(Topics.DATA_RAW, Topics.DATA_DLQ, Topics.EXAMPLES, Topics.DATASETS);
            try (Admin admin = Admin.create(kafka.clientConfig())) {
                Set<String> topics = admin.listTopics().names().get(10, TimeUnit.SECONDS);
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (!topics.containsAll(own) && System.nanoTime() < deadline) { // the broker's metadata may lag
                    Processes.sleep(Duration.ofMillis(200));
                    topics = admin.listTopics().names().get(10, TimeUnit.SECONDS);
                }
                assertTrue(topics.containsAll(own), "data-ingest provisioned its topics over SASL: " + topics);
            }

            Path csv = dir.resolve("data.csv");
            Files.writeString(csv, "text,label\nfine,pos\npoor,neg\ngood,pos\n");
            DatasetSpec spec = new DatasetSpec("ds-sasl-it", "t", TaskType.TEXT_CLASSIFICATION, SourceFormat.CSV,
                    null, null, null, null, null, null, null, null, null, null, null, null);
            try (IngestClient client = new IngestClient(kafka.clientConfig())) {
                IngestResult sent = client.send(spec, csv, IngestOptions.defaults());
                assertEquals(3, sent.records());
                DatasetProfiled profile = client.awaitProfile(spec.datasetId(), sent.startedAt(), Duration.ofSeconds(30));
                assertEquals(spec.datasetId(), profile.datasetId());
                assertTrue(profile.complete(), "the end marker was read: a complete profile");
                assertNotNull(profile.counts(), "the profile has counts");
                assertEquals(3, profile.counts().received(), String.valueOf(profile.counts()));
                assertTrue(profile.counts().addUp(), String.valueOf(profile.counts()));
                System.out.println("profile over SASL: " + profile.counts());
            }
        } finally {
            if (service != null) {
                List<String> lines = Files.exists(service.logFile()) ? Files.readAllLines(service.logFile()) : List.of();
                System.out.println("--- log of " + SERVICE + " (last lines)");
                lines.subList(Math.max(0, lines.size() - 15), lines.size()).forEach(System.out::println);
                service.stop();
            }
            assertTrue(broker.stop(Duration.ofSeconds(20)), "the broker stopped");
        }
    }
}
