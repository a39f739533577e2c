package io.multitune.cli.bench;

import io.multitune.cli.broker.LocalBroker;
import io.multitune.cli.common.Processes;
import io.multitune.cli.common.ProjectLayout;
import io.multitune.events.TopicLayout;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Option;

/**
 * A benchmark's own broker: a fresh data folder under {@code .multitune/bench}, free ports, stopped on close and
 * its data deleted unless kept (a run writes several hundred MB).
 */
final class BenchBroker implements AutoCloseable {
    private final LocalBroker.Handle handle;
    private final Path dataDir;
    private final Options options;
    private final CpuSampler cpu;

    private BenchBroker(LocalBroker.Handle handle, Path dataDir, Options options) {
        this.handle = handle;
        this.dataDir = dataDir;
        this.options = options;
        this.cpu = new CpuSampler(handle.pid());
    }

    /** The options of every benchmark that runs its own broker (a picocli mixin). */
    static final class Options {
        @Option(names = "--keep-data", description = "Keep the benchmark broker's data folder (deleted by default: a "
                + "run writes several hundred MB).")
        boolean keepData;

        @Option(names = "--broker-warmup", negatable = true, defaultValue = "true", fallbackValue = "true",
                description = "First copy the input once through the broker, unmeasured, so neither stage meets a "
                        + "cold broker (default: on).")
        boolean warmUp = true;
    }

    /** Starts a broker on free ports with its data in {@code .multitune/bench/broker-<time>}. */
    static BenchBroker start(ProjectLayout layout, int port, Options options) {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path dataDir = layout.stateDir().resolve("bench").resolve("broker-" + stamp);
        try {
            LocalBroker.Handle handle = LocalBroker.start(LocalBroker.Options.of(dataDir, port)
                    .withPidFile(dataDir.resolve("broker.pid")).withControllerPort(Processes.freePort()));
            return new BenchBroker(handle, dataDir, options);
        } catch (RuntimeException e) {
            deleteUnlessKept(dataDir, options.keepData);
            throw e;
        }
    }

    String bootstrap() {
        return handle.bootstrapServers();
    }

    /**
     * CPU seconds the broker used between two wall-clock instants (epoch ms) of a window that has closed: on a small
     * machine the broker shares the cores, so what a stage asks of it counts in the stage's rate.
     */
    double cpuSecondsBetween(long fromMillis, long toMillis) {
        cpu.sampleNow();
        return cpu.cpuSecondsBetween(fromMillis, toMillis);
    }

    /**
     * Creates the topics with one partition each (a single partition keeps a stage's output in order, so its first
     * and last records bound its window), broker-side timestamps ({@code LogAppendTime}: the window is measured by
     * the broker's clock) and the configs of {@link TopicLayout}.
     */
    void createTopics(List<String> names) throws Exception {
        List<NewTopic> topics = new ArrayList<>();
        for (String name : names) {
            NewTopic topic = TopicLayout.newTopic(name, 1, (short) 1);
            Map<String, String> config = new HashMap<>(topic.configs());
            config.put("message.timestamp.type", "LogAppendTime");
            topics.add(topic.configs(config));
        }
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap()))) {
            admin.createTopics(topics).all().get(60, TimeUnit.SECONDS);
        }
    }

    /**
     * Runs records once through the broker, written by a producer and copied by a {@link BareCopyLoop} between two
     * scratch topics, so that the broker's own code is compiled by the JIT before any stage is measured. Without
     * it the first stage of a benchmark meets a cold broker and the second a warm one, which biases their ratio.
     *
     * @return the records copied: 0 when {@code --no-broker-warmup} turned it off
     */
    int warmUp(List<byte[]> records) throws Exception {
        if (!options.warmUp || records.isEmpty()) {
            return 0;
        }
        createTopics(List.of(WARM_IN, WARM_OUT));
        try (KafkaProducer<String, byte[]> producer = loader()) {
            for (byte[] record : records) {
                producer.send(new ProducerRecord<>(WARM_IN, record));
            }
            producer.flush();
        }
        try (BareCopyLoop.Running loop = BareCopyLoop.start(bootstrap(), WARM_IN, WARM_OUT, "bench-broker-warmup")) {
            OutputWindow.await(bootstrap(), WARM_OUT, records.size(), r -> true, Duration.ofMinutes(10));
        }
        return records.size();
    }

    private static final String WARM_IN = "bench.warm.in";
    private static final String WARM_OUT = "bench.warm.out";

    /** A producer for loading input quickly: large batches, a little linger. */
    KafkaProducer<String, byte[]> loader() {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 524288);
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    @Override
    public void close() {
        cpu.close();
        try {
            handle.close();
        } finally {
            deleteUnlessKept(dataDir, options.keepData);
        }
    }

    private static void deleteUnlessKept(Path dataDir, boolean keepData) {
        if (!keepData) {
            LocalBroker.delete(dataDir, dataDir.resolve("broker.pid"));
        }
    }
}
