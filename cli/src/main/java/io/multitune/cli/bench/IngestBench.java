package io.multitune.cli.bench;

import io.multitune.cli.broker.LocalBroker;
import io.multitune.cli.common.CommandSupport;
import io.multitune.cli.common.KafkaSettings;
import io.multitune.cli.common.Processes;
import io.multitune.cli.common.ProjectLayout;
import io.multitune.cli.ingest.IngestClient;
import io.multitune.cli.services.ServiceHandle;
import io.multitune.cli.services.ServiceLauncher;
import io.multitune.events.DatasetProfiled;
import io.multitune.events.RawMessageKind;
import io.multitune.events.TopicLayout;
import io.multitune.events.Topics;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench ingest}: data-ingest's throughput relative to a bare Kafka copy loop, in one run on one broker.
 * Both stages run as their own process and read the same N preloaded raw records (one per message); each stage's
 * rate is measured by the broker's append times of its first and last output record, so JVM start-up is excluded
 * from both alike. CPU seconds are those of the stage's process inside that window.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "data-ingest records/s vs a bare consume-and-produce loop on the same broker and records.")
public final class IngestBench extends CommandSupport.Action {
    private static final String DATASET = "bench-reviews";
    private static final String COPY_IN = "bench.copy.in";
    private static final String COPY_OUT = "bench.copy.out";
    private static final Duration STAGE_TIMEOUT = Duration.ofMinutes(10);

    @Option(names = "--records", description = "Measured raw records per stage (default: ${DEFAULT-VALUE}).",
            defaultValue = "100000")
    int records;

    @Option(names = "--warmup", description = "Records each stage processes before the measured ones, so both are "
            + "measured with their code compiled by the JIT (default: ${DEFAULT-VALUE}).", defaultValue = "50000")
    int warmup;

    @Option(names = "--keep-data", description = "Keep the benchmark broker's data folder (deleted by default: a run "
            + "writes several hundred MB).")
    boolean keepData;

    @Option(names = "--text-bytes", description = "Text length of each record (default: ${DEFAULT-VALUE}).",
            defaultValue = "1000")
    int textBytes;

    @Override
    protected int execute(PrintWriter out) throws Exception {
        ProjectLayout layout = ProjectLayout.detect();
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path dataDir = layout.stateDir().resolve("bench").resolve("broker-" + stamp);
        int port = Processes.freePort();
        System.out.printf(Locale.ROOT, "bench ingest: %d warm-up + %d measured records of ~%d bytes per stage; "
                + "dedicated broker on port %d%n", warmup, records, textBytes, port);
        try (LocalBroker.Handle broker = LocalBroker.start(LocalBroker.Options.of(dataDir, port)
                .withPidFile(dataDir.resolve("broker.pid")).withControllerPort(Processes.freePort()))) {
            String bootstrap = broker.bootstrapServers();
            createTopics(bootstrap);
            List<byte[]> raw = BenchRecords.generate(warmup + records, textBytes, 42);
            long rawBytes = raw.stream().mapToLong(r -> r.length).sum();
            Stage copy = bareLoop(bootstrap, raw);
            Stage ingest = dataIngest(layout, bootstrap, raw);
            report(rawBytes, copy, ingest);
        } finally {
            if (!keepData) {
                LocalBroker.delete(dataDir, dataDir.resolve("broker.pid"));
            }
        }
        return 0;
    }

    private Stage bareLoop(String bootstrap, List<byte[]> raw) throws Exception {
        preload(bootstrap, COPY_IN, raw, false);
        List<String> command = List.of(Processes.javaExecutable(), "-cp", System.getProperty("java.class.path"),
                BareCopyLoop.class.getName(), bootstrap, COPY_IN, COPY_OUT);
        Process loop = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try (CpuSampler cpu = new CpuSampler(loop.pid())) {
            OutputWindow window = OutputWindow.await(bootstrap, COPY_OUT, raw.size(), warmup, r -> true,
                    STAGE_TIMEOUT);
            cpu.sampleNow();
            return new Stage(window, cpu.cpuSecondsBetween(window.firstAppendMillis(), window.lastAppendMillis()),
                    "copied=" + window.records());
        } finally {
            loop.destroy();
            loop.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private Stage dataIngest(ProjectLayout layout, String bootstrap, List<byte[]> raw) throws Exception {
        preload(bootstrap, Topics.DATA_RAW, raw, true);
        ServiceLauncher launcher = new ServiceLauncher(layout, KafkaSettings.forBootstrap(bootstrap));
        Map<String, String> env = Map.of(KafkaSettings.BOOTSTRAP_ENV, bootstrap);
        try (ServiceHandle service = launcher.start("data-ingest", env, Processes.freePort())) {
            try (CpuSampler cpu = new CpuSampler(service.pid())) {
                OutputWindow window = OutputWindow.await(bootstrap, Topics.EXAMPLES, raw.size(), warmup,
                        r -> r.value() != null, STAGE_TIMEOUT);
                cpu.sampleNow();
                double cpuSeconds = cpu.cpuSecondsBetween(window.firstAppendMillis(), window.lastAppendMillis());
                DatasetProfiled profile = awaitProfile(bootstrap);
                DatasetProfiled.Counts c = profile.counts();
                String check = String.format(Locale.ROOT, "examples=%d distinct_ids=%d received=%d accepted=%d "
                                + "rejected=%d duplicates=%d counts_add_up=%s", window.records(),
                        window.distinctKeys(), c.received(), c.accepted(), c.rejected(), c.duplicates(), c.addUp());
                return new Stage(window, cpuSeconds, check);
            }
        }
    }

    private static DatasetProfiled awaitProfile(String bootstrap) {
        try (IngestClient client = new IngestClient(bootstrap)) {
            return client.awaitProfile(DATASET, Instant.EPOCH, Duration.ofMinutes(1));
        }
    }

    private void report(long rawBytes, Stage copy, Stage ingest) {
        double ratio = ingest.window.recordsPerSecond() / copy.window.recordsPerSecond();
        System.out.printf(Locale.ROOT, "records_measured=%d%n", records);
        System.out.printf(Locale.ROOT, "records_warmup=%d%n", warmup);
        System.out.printf(Locale.ROOT, "record_bytes_avg=%d%n", rawBytes / (warmup + records));
        print("raw", copy);
        print("ingest", ingest);
        System.out.printf(Locale.ROOT, "cpu_per_record_ratio=%.2f%n",
                (ingest.cpuSeconds / ingest.window.measured()) / (copy.cpuSeconds / copy.window.measured()));
        System.out.printf(Locale.ROOT, "RESULT ingest ratio_vs_raw=%.3f%n", ratio);
    }

    private static void print(String name, Stage stage) {
        System.out.printf(Locale.ROOT, "%s_records_per_s=%.0f%n", name, stage.window.recordsPerSecond());
        System.out.printf(Locale.ROOT, "%s_window_s=%.3f%n", name,
                (stage.window.lastAppendMillis() - stage.window.firstAppendMillis()) / 1000.0);
        System.out.printf(Locale.ROOT, "%s_cpu_s=%.2f%n", name, stage.cpuSeconds);
        System.out.printf(Locale.ROOT, "%s_check: %s%n", name, stage.check);
    }

    private void preload(String bootstrap, String topic, List<byte[]> raw, boolean withSpecAndEnd) throws Exception {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 524288);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            if (withSpecAndEnd) {
                producer.send(kind(topic, RawMessageKind.SPEC, BenchRecords.spec(DATASET)));
            }
            for (byte[] record : raw) {
                producer.send(new ProducerRecord<>(topic, DATASET, record));
            }
            if (withSpecAndEnd) {
                producer.send(kind(topic, RawMessageKind.END, new byte[0]));
            }
            producer.flush();
        }
    }

    private static ProducerRecord<String, byte[]> kind(String topic, RawMessageKind kind, byte[] value) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(RawMessageKind.HEADER, kind.headerValue().getBytes(StandardCharsets.UTF_8));
        return new ProducerRecord<>(topic, null, DATASET, value, headers);
    }

    /** One partition each, broker-side timestamps, the layout data-ingest expects. */
    private static void createTopics(String bootstrap) throws Exception {
        List<NewTopic> topics = new ArrayList<>();
        for (String name : List.of(COPY_IN, COPY_OUT, Topics.DATA_RAW, Topics.EXAMPLES, Topics.DATA_DLQ,
                Topics.DATASETS)) {
            NewTopic topic = TopicLayout.newTopic(name, 1, (short) 1);
            Map<String, String> config = new HashMap<>(topic.configs());
            config.put("message.timestamp.type", "LogAppendTime");
            topics.add(topic.configs(config));
        }
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(topics).all().get(60, TimeUnit.SECONDS);
        }
    }

    private record Stage(OutputWindow window, double cpuSeconds, String check) {
    }
}
