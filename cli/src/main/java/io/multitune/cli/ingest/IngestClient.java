package io.multitune.cli.ingest;

import io.multitune.cli.common.KafkaSettings;
import io.multitune.events.CloudEventHeaders;
import io.multitune.events.DatasetProfiled;
import io.multitune.events.DatasetSpec;
import io.multitune.events.EventCodec;
import io.multitune.events.EventFormatException;
import io.multitune.events.EventType;
import io.multitune.events.PipelineEvent;
import io.multitune.events.RawMessageKind;
import io.multitune.events.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends data files to {@link Topics#DATA_RAW} following the raw-topic protocol (a {@code spec} message, the
 * records, an {@code end} message; key = dataset id) and waits for the profile data-ingest emits on
 * {@link Topics#DATASETS}. Used by {@code multitune ingest}, the demo and the benchmark. One producer is kept
 * for the client's life; close the client when done. Not meant for concurrent sends from several threads.
 */
public final class IngestClient implements AutoCloseable {
    /** How long a broker may take to answer before it counts as unreachable. */
    public static final Duration REACH_TIMEOUT = Duration.ofSeconds(10);

    private final Map<String, Object> connection;
    private KafkaProducer<String, byte[]> producer;
    private boolean reachable;

    /**
     * @param connection client settings common to producers and consumers: bootstrap.servers and any security
     *                   settings
     */
    public IngestClient(Map<String, Object> connection) {
        if (connection.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG) == null) {
            throw new IllegalArgumentException(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG + " is required");
        }
        this.connection = Map.copyOf(connection);
    }

    public IngestClient(String bootstrapServers) {
        this(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /**
     * A client for the CLI's Kafka: KAFKA_BOOTSTRAP_SERVERS (with the KAFKA_SECURITY_* settings), else the local
     * broker ({@link KafkaSettings}).
     */
    public static IngestClient fromEnvironment() {
        return new IngestClient(KafkaSettings.fromEnvironment().clientConfig());
    }

    public String bootstrapServers() {
        return String.valueOf(connection.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG));
    }

    /**
     * Fails fast when no broker answers.
     *
     * @throws IngestException (broker unreachable) after at most {@code timeout}
     */
    public void checkReachable(Duration timeout) {
        Map<String, Object> props = new HashMap<>(connection);
        int ms = (int) Math.max(1000, timeout.toMillis());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, ms);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, ms);
        props.put(AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG, 2000);
        props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "multitune-ingest-check");
        Admin admin = null;
        try {
            admin = Admin.create(props);
            admin.describeCluster().clusterId().get(ms, TimeUnit.MILLISECONDS);
            reachable = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable(e);
        } catch (Exception e) {
            throw unreachable(e);
        } finally {
            if (admin != null) {
                admin.close(Duration.ZERO);
            }
        }
    }

    private IngestException unreachable(Exception cause) {
        Optional<String> refused = KafkaSettings.authenticationFailure(cause);
        if (refused.isPresent()) {
            return new IngestException(IngestException.BROKER_UNREACHABLE, "Kafka at " + bootstrapServers()
                    + " refused the client: " + refused.get(), cause);
        }
        return new IngestException(IngestException.BROKER_UNREACHABLE, "cannot reach Kafka at " + bootstrapServers()
                + " — start it with ./multitune broker start or set KAFKA_BOOTSTRAP_SERVERS", cause);
    }

    /**
     * Sends one file as a dataset import: the spec, the records in messages cut at record boundaries, then
     * (unless {@code opts.sendEnd()} is false) an {@code end} message. All messages have key = dataset id.
     * Returns after the broker has acknowledged every message.
     *
     * @throws IngestException bad input (spec or file), broker unreachable, or a send the broker refused
     */
    public IngestResult send(DatasetSpec spec, Path file, IngestOptions opts) {
        SpecFiles.validate(spec, "spec");
        if (!Files.isRegularFile(file)) {
            throw IngestException.badInput("data file " + file + ": no such file");
        }
        if (!Files.isReadable(file)) {
            throw IngestException.badInput("data file " + file + ": not readable");
        }
        String id = spec.datasetId();
        long total; // a first pass finds malformed files before anything is sent, and sizes the progress bar
        try {
            total = FileChunker.countRecords(file, spec.format(), spec.hasHeaderRow());
        } catch (IOException | UncheckedIOException e) {
            throw badFile(file, e);
        }
        if (!reachable) {
            checkReachable(REACH_TIMEOUT);
        }
        KafkaProducer<String, byte[]> p = producer();
        Instant startedAt = Instant.now();
        long t0 = System.nanoTime();
        AtomicReference<Exception> failure = new AtomicReference<>();
        AtomicLong recordsAcked = new AtomicLong();
        AtomicLong bytesAcked = new AtomicLong();
        long records = 0;
        long messages = 0;
        long bytes = 0;
        final long totalRecords = total;

        p.send(raw(id, RawMessageKind.SPEC, SpecFiles.toJson(spec)), (md, e) -> {
            if (e != null) {
                failure.compareAndSet(null, e);
            }
        });
        try (FileChunker chunks = FileChunker.open(file, spec.format(), spec.hasHeaderRow(),
                opts.recordsPerMessage(), opts.maxMessageBytes())) {
            while (chunks.hasNext()) {
                if (failure.get() != null) {
                    break;
                }
                FileChunker.Chunk c = chunks.next();
                records += c.records();
                messages++;
                bytes += c.value().length;
                p.send(raw(id, RawMessageKind.RECORDS, c.value()), (md, e) -> {
                    if (e != null) {
                        failure.compareAndSet(null, e);
                    } else if (opts.progress() != null) {
                        long r = recordsAcked.addAndGet(c.records());
                        long b = bytesAcked.addAndGet(c.value().length);
                        opts.progress().onProgress(r, totalRecords, b, Duration.ofNanos(System.nanoTime() - t0),
                                false);
                    }
                });
            }
        } catch (IOException | UncheckedIOException e) {
            p.flush();
            throw badFile(file, e);
        } catch (org.apache.kafka.common.KafkaException e) {
            throw sendFailed(id, e);
        }
        if (opts.sendEnd() && failure.get() == null) {
            p.send(raw(id, RawMessageKind.END, new byte[0]), (md, e) -> {
                if (e != null) {
                    failure.compareAndSet(null, e);
                }
            });
        }
        p.flush();
        if (failure.get() != null) {
            throw sendFailed(id, failure.get());
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - t0);
        if (opts.progress() != null) {
            opts.progress().onProgress(recordsAcked.get(), totalRecords, bytesAcked.get(), elapsed, true);
        }
        return new IngestResult(id, records, messages, bytes, startedAt, elapsed, opts.sendEnd());
    }

    private static IngestException badFile(Path file, Exception e) {
        Throwable c = e instanceof UncheckedIOException u ? u.getCause() : e;
        String msg = c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
        return IngestException.badInput("data file " + file + ": " + msg, e);
    }

    private IngestException sendFailed(String datasetId, Exception e) {
        Throwable c = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        return new IngestException(IngestException.FAILED, "dataset " + datasetId + ": sending to "
                + Topics.DATA_RAW + " at " + bootstrapServers() + " failed: " + c.getClass().getSimpleName()
                + (c.getMessage() == null ? "" : ": " + c.getMessage()), e);
    }

    private static ProducerRecord<String, byte[]> raw(String datasetId, RawMessageKind kind, byte[] value) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(RawMessageKind.HEADER, kind.headerValue().getBytes(StandardCharsets.UTF_8));
        return new ProducerRecord<>(Topics.DATA_RAW, null, datasetId, value, headers);
    }

    private KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            Map<String, Object> props = new HashMap<>(connection);
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
            props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
            props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
            props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 1_048_576);
            props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
            props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000);
            props.put(ProducerConfig.CLIENT_ID_CONFIG, "multitune-ingest");
            producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    /**
     * Waits for a complete profile of {@code datasetId} produced at or after {@code since}. Reads
     * {@link Topics#DATASETS} from the first record at or after {@code since} (assign and seek by timestamp, no
     * consumer group), so it may be called after the send has finished without missing the profile.
     *
     * @throws IngestException (timeout) when none arrives within {@code timeout}
     */
    public DatasetProfiled awaitProfile(String datasetId, Instant since, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long sinceMs = since.toEpochMilli();
        Map<String, Object> props = new HashMap<>(connection);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "multitune-ingest-wait");
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false); // the topic is provisioned, not guessed
        try (KafkaConsumer<String, byte[]> consumer =
                     new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = List.of();
            while (partitions.isEmpty()) {
                List<PartitionInfo> infos = consumer.partitionsFor(Topics.DATASETS, remaining(deadline, 5_000));
                partitions = infos == null ? List.of() : infos.stream()
                        .map(i -> new TopicPartition(i.topic(), i.partition())).collect(Collectors.toList());
                if (partitions.isEmpty()) {
                    if (System.nanoTime() >= deadline) {
                        throw timeout(datasetId, timeout);
                    }
                    sleep(500);
                }
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Map<TopicPartition, Long> query = partitions.stream().collect(Collectors.toMap(tp -> tp, tp -> sinceMs));
            Map<TopicPartition, OffsetAndTimestamp> starts = consumer.offsetsForTimes(query);
            for (TopicPartition tp : partitions) {
                OffsetAndTimestamp at = starts.get(tp);
                consumer.seek(tp, at != null ? at.offset() : ends.getOrDefault(tp, 0L));
            }
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(remaining(deadline, 500))) {
                    DatasetProfiled p = profileOf(r, datasetId, sinceMs);
                    if (p != null) {
                        return p;
                    }
                }
            }
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            throw timeout(datasetId, timeout);
        }
        throw timeout(datasetId, timeout);
    }

    /** The record as a complete profile of the dataset produced at or after {@code sinceMs}, else null. */
    static DatasetProfiled profileOf(ConsumerRecord<String, byte[]> r, String datasetId, long sinceMs) {
        if (r.timestamp() < sinceMs || r.value() == null) {
            return null;
        }
        String type = CloudEventHeaders.lastValue(r.headers(), CloudEventHeaders.CE_TYPE);
        if (!EventType.DATASET_PROFILED.ceType().equals(type)) {
            return null;
        }
        if (r.key() != null && !r.key().equals(datasetId)) {
            return null;
        }
        try {
            PipelineEvent e = EventCodec.INSTANCE.decode(r.headers(), r.value());
            if (e instanceof DatasetProfiled p && datasetId.equals(p.datasetId()) && p.complete()) {
                return p;
            }
        } catch (EventFormatException ignored) {
            // not ours to judge here: skip what we cannot read
        }
        return null;
    }

    private static IngestException timeout(String datasetId, Duration timeout) {
        return new IngestException(IngestException.TIMEOUT, "dataset " + datasetId + ": no complete profile on "
                + Topics.DATASETS + " within " + DurationConverter.format(timeout)
                + " — is data-ingest running? (./multitune services start)");
    }

    private static Duration remaining(long deadlineNanos, long capMs) {
        long ms = Math.max(0, (deadlineNanos - System.nanoTime()) / 1_000_000);
        return Duration.ofMillis(Math.max(1, Math.min(capMs, ms)));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IngestException(IngestException.FAILED, "interrupted");
        }
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(10));
            producer = null;
        }
    }
}
