package io.multitune.cli.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multitune.cli.MultituneCommand;
import io.multitune.cli.common.KafkaSettings;
import io.multitune.cli.common.Processes;
import io.multitune.cli.common.ProjectLayout;
import io.multitune.cli.common.TopicProvisioning;
import io.multitune.cli.ingest.IngestException;
import io.multitune.cli.run.RunExit;
import io.multitune.events.DatasetSpec;
import io.multitune.events.EventCodec;
import io.multitune.events.SourceFormat;
import io.multitune.events.TaskType;
import io.multitune.events.Topics;
import java.io.File;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI against a real broker that requires SASL: the standalone broker process with only a SASL_PLAINTEXT client
 * listener (mechanism PLAIN, one user), and the CLI's Kafka settings taken from the variables the README and the Helm
 * chart name (KAFKA_BOOTSTRAP_SERVERS, KAFKA_SECURITY_PROTOCOL, KAFKA_SASL_MECHANISM, KAFKA_SASL_JAAS_CONFIG).
 */
class SaslBrokerTest {
    static final String USER = "multitune";
    static final String PASSWORD = "sasl-test-secret";

    @TempDir
    static Path dir;
    static LocalBroker.Handle broker;

    @BeforeAll
    static void startBroker() {
        broker = LocalBroker.start(LocalBroker.Options.of(dir.resolve("broker"), Processes.freePort())
                .withSaslPlain(USER, PASSWORD)).stopOnExit();
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            assertTrue(broker.stop(Duration.ofSeconds(20)), "the broker stopped");
        }
    }

    /** The variables a deployment sets for a SASL/PLAIN cluster, with {@code password} in the JAAS line. */
    static Map<String, String> saslEnvironment(String bootstrap, String password) {
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        env.put("KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT");
        env.put("KAFKA_SASL_MECHANISM", "PLAIN");
        env.put("KAFKA_SASL_JAAS_CONFIG", LocalBroker.SaslPlain.clientJaasConfig(USER, password));
        return env;
    }

    @Test
    void theBrokerHasOnlyTheSaslClientListener() throws Exception {
        Properties server = new Properties();
        server.load(new StringReader(Files.readString(dir.resolve("broker").resolve("server.properties"))));
        assertEquals("SASL_PLAINTEXT://localhost:" + broker.port() + ",CONTROLLER://localhost:" + broker.controllerPort(),
                server.getProperty("listeners"));
        assertEquals("CONTROLLER:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT", server.getProperty("listener.security.protocol.map"));
        assertEquals("PLAIN", server.getProperty("sasl.enabled.mechanisms"));

        // a client without credentials gets nowhere
        Optional<String> plain = LocalBroker.probe(KafkaSettings.forBootstrap(broker.bootstrapServers()).clientConfig(),
                Duration.ofSeconds(3));
        assertTrue(plain.isPresent(), "a PLAINTEXT client must not be served by a SASL listener");
        System.out.println("a client without credentials: " + plain.get());
    }

    @Test
    void theCliSettingsFromTheEnvironmentAuthenticate() throws Exception {
        KafkaSettings kafka = KafkaSettings.from(saslEnvironment(broker.bootstrapServers(), PASSWORD), null);
        assertTrue(kafka.external());
        assertEquals("SASL_PLAINTEXT", kafka.security().get("security.protocol"));
        assertEquals(Optional.empty(), LocalBroker.probe(kafka.clientConfig(), Duration.ofSeconds(10)));

        TopicProvisioning.ensureTopics(kafka);
        try (Admin admin = Admin.create(kafka.clientConfig())) {
            assertTrue(admin.listTopics().names().get(10, TimeUnit.SECONDS).containsAll(Topics.ALL));
        }

        String topic = "sasl-round-trip";
        Map<String, Object> producerConfig = new HashMap<>(kafka.clientConfig());
        producerConfig.put("max.block.ms", 10_000);
        RecordMetadata sent;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig, new StringSerializer(),
                new StringSerializer())) {
            sent = producer.send(new ProducerRecord<>(topic, "k", "over SASL/PLAIN")).get(15, TimeUnit.SECONDS);
        }
        Map<String, Object> consumerConfig = new HashMap<>(kafka.clientConfig());
        consumerConfig.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        List<ConsumerRecord<String, String>> read = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(),
                new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, sent.partition());
            consumer.assign(List.of(partition));
            consumer.seek(partition, sent.offset());
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (read.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(read::add);
            }
        }
        assertEquals(1, read.size(), "the record was read back");
        assertEquals("k", read.get(0).key());
        assertEquals("over SASL/PLAIN", read.get(0).value());

        // the CLI itself, with only those variables: `run list` reads the runs topic
        CliRun list = cli(saslEnvironment(broker.bootstrapServers(), PASSWORD), "run", "list");
        assertEquals(0, list.exit(), list.toString());
    }

    @Test
    void aWrongPasswordFailsTheCliWithOneClearLineAndTheUnreachableExitCode() throws Exception {
        Map<String, String> env = saslEnvironment(broker.bootstrapServers(), "not-the-password");

        CliRun list = cli(env, "run", "list");
        assertEquals(RunExit.KAFKA_UNREACHABLE, list.exit(), list.toString());
        assertOneClearLine(list, "multitune run list: ");

        Path csv = dir.resolve("data.csv");
        Files.writeString(csv, "text,label\na,pos\nb,neg\n");
        Path spec = dir.resolve("spec.json");
        Files.writeString(spec, EventCodec.INSTANCE.mapper().writeValueAsString(new DatasetSpec("ds-sasl", "t",
                TaskType.TEXT_CLASSIFICATION, SourceFormat.CSV, null, null, null, null, null, null, null, null, null,
                null, null, null)));
        CliRun ingest = cli(env, "ingest", "--spec", spec.toString(), csv.toString());
        assertEquals(IngestException.BROKER_UNREACHABLE, ingest.exit(), ingest.toString());
        assertOneClearLine(ingest, "multitune ingest: ");
    }

    private static void assertOneClearLine(CliRun run, String prefix) {
        List<String> lines = run.stderr().lines().filter(l -> !l.isBlank()).toList();
        assertEquals(1, lines.size(), run.toString());
        String line = lines.get(0);
        System.out.printf("exit %d after %.1f s: %s%n", run.exit(), run.seconds(), line);
        assertTrue(line.startsWith(prefix), line);
        assertTrue(line.contains(broker.bootstrapServers()), line);
        assertTrue(line.contains("authentication failed: Invalid username or password"), line); // the broker's reason
        assertTrue(line.contains("KAFKA_SASL_JAAS_CONFIG"), line);
        assertFalse(line.contains("not-the-password"), "the password is not printed: " + line);
        assertFalse(line.contains("broker start"), "the broker is up: no hint to start one: " + line);
        assertTrue(run.seconds() < 30, "it fails fast, not after a hang: " + run);
    }

    record CliRun(int exit, String stdout, String stderr, double seconds) {
        @Override
        public String toString() {
            return String.format("exit %d after %.1f s%nstdout:%n%s%nstderr:%n%s", exit, seconds, stdout, stderr);
        }
    }

    /** The CLI's own classpath, as ./multitune builds it: its classes and cli/target/classpath.txt. */
    static String cliClasspath() throws Exception {
        Path target = ProjectLayout.detect().root().resolve("cli").resolve("target");
        Path classpathFile = target.resolve("classpath.txt");
        assertTrue(Files.isRegularFile(classpathFile), classpathFile + " is written at generate-resources");
        return target.resolve("classes") + File.pathSeparator
                + Files.readString(classpathFile, StandardCharsets.UTF_8).strip();
    }

    /** Runs {@code multitune args} as its own JVM (as ./multitune does) with {@code kafkaEnv} as its only KAFKA_*. */
    static CliRun cli(Map<String, String> kafkaEnv, String... args) throws Exception {
        String classpath = cliClasspath();
        List<String> command = new ArrayList<>(List.of(Processes.javaExecutable(), "-cp", classpath,
                MultituneCommand.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("KAFKA_") || k.equals(KafkaSettings.PORT_ENV));
        pb.environment().putAll(kafkaEnv);
        Path out = Files.createTempFile(dir, "cli", ".out");
        Path err = Files.createTempFile(dir, "cli", ".err");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(
                Path.of("/dev/null").toFile()));
        long t0 = System.nanoTime();
        Process process = pb.start();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                throw new AssertionError("multitune " + String.join(" ", args) + " did not end within 60 s; stderr: "
                        + Files.readString(err));
            }
        } finally {
            process.destroyForcibly();
        }
        return new CliRun(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8), (System.nanoTime() - t0) / 1e9);
    }
}
