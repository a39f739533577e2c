package io.multitune.cli.run;

import io.multitune.cli.broker.LocalBroker;
import io.multitune.cli.common.CliException;
import io.multitune.cli.common.KafkaSettings;
import io.multitune.events.CloudEventHeaders;
import io.multitune.events.EventCodec;
import io.multitune.events.EventFormatException;
import io.multitune.events.EventType;
import io.multitune.events.PipelineEvent;
import io.multitune.events.RunPlanned;
import io.multitune.events.RunRejected;
import io.multitune.events.RunRequest;
import io.multitune.events.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Submits run requests to {@link Topics#RUNS} (key = run id, CloudEvents headers) and waits for the sampler's
 * answer, a {@link RunPlanned} or a {@link RunRejected} of the same run id on the same topic. The topic is read from
 * its end offsets as they were just before the request was sent, so an answer to an earlier request with the same
 * run id is never taken for this one's. Used by {@code run submit}, the demo and {@code bench sampler}. Not for
 * concurrent use by several threads; close it when done.
 */
public final class RunClient implements AutoCloseable {
    /** The CloudEvents source of requests sent by the CLI. */
    public static final String SOURCE = "/cli";
    /** How long a broker may take to answer before it counts as unreachable. */
    public static final Duration REACH_TIMEOUT = Duration.ofSeconds(10);

    private final Map<String, Object> connection;
    private KafkaProducer<String, byte[]> producer;
    private KafkaConsumer<String, byte[]> consumer;
    private boolean reachable;

    /** @param connection bootstrap.servers and any security settings */
    public RunClient(Map<String, Object> connection) {
        if (connection.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG) == null) {
            throw new IllegalArgumentException(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG + " is required");
        }
        this.connection = Map.copyOf(connection);
    }

    /** A client for the CLI's Kafka ({@link KafkaSettings#fromEnvironment()}). */
    public static RunClient fromEnvironment() {
        return new RunClient(KafkaSettings.fromEnvironment().clientConfig());
    }

    /** The client settings, for another client of the same cluster. */
    public Map<String, Object> connection() {
        return connection;
    }

    public String bootstrapServers() {
        return String.valueOf(connection.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG));
    }

    /**
     * A request on its way: its run id, where it was written, and where each partition of the topic ended just
     * before it was sent (the answer is looked for from there).
     */
    public record Submission(String runId, int partition, long offset, Map<TopicPartition, Long> readFrom) {
    }

    /** The sampler's answer: exactly one of the two is set. */
    public record Answer(RunPlanned planned, RunRejected rejected) {
        public boolean isPlanned() {
            return planned != null;
        }
    }

    /**
     * Sends the request (which must have its run id: see {@link RunRequests#stamp}) after noting the topic's end
     * offsets; returns once the broker has acknowledged it.
     *
     * @throws CliException Kafka unreachable (exit {@link RunSubmitCommand#KAFKA_UNREACHABLE}), the topic missing, or
     *                      the send refused
     */
    public Submission submit(RunRequest request) {
        if (request.runId() == null || request.runId().isBlank()) {
            throw new IllegalArgumentException("the request has no run id");
        }
        checkReachable();
        KafkaConsumer<String, byte[]> c = consumer();
        List<PartitionInfo> infos = c.partitionsFor(Topics.RUNS, Duration.ofSeconds(15));
        if (infos == null || infos.isEmpty()) {
            throw new CliException("topic " + Topics.RUNS + " does not exist on " + bootstrapServers()
                    + " — ./multitune broker start creates the pipeline's topics, and so does the sampler when it "
                    + "starts");
        }
        List<TopicPartition> partitions = infos.stream()
                .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
        c.assign(partitions);
        Map<TopicPartition, Long> ends = Map.copyOf(c.endOffsets(partitions, Duration.ofSeconds(15)));
        ends.forEach(c::seek);
        RecordMetadata sent;
        try {
            sent = producer().send(EventCodec.INSTANCE.record(Topics.RUNS, request.runId(), request, SOURCE))
                    .get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted while sending run " + request.runId());
        } catch (ExecutionException | TimeoutException | org.apache.kafka.common.KafkaException e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            throw new CliException("run " + request.runId() + ": sending to " + Topics.RUNS + " at "
                    + bootstrapServers() + " failed: " + cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage()), cause);
        }
        return new Submission(request.runId(), sent.partition(), sent.offset(), ends);
    }

    /**
     * Fails fast when no broker answers within {@link #REACH_TIMEOUT}; checked once per client.
     *
     * @throws CliException exit {@link RunSubmitCommand#KAFKA_UNREACHABLE}
     */
    public void checkReachable() {
        if (!reachable) {
            checkReachable(connection);
            reachable = true;
        }
    }

    /**
     * Fails fast when no broker of {@code connection} answers within {@link #REACH_TIMEOUT}.
     *
     * @throws CliException exit {@link RunExit#KAFKA_UNREACHABLE}
     */
    static void checkReachable(Map<String, Object> connection) {
        Optional<String> problem = LocalBroker.probe(connection, REACH_TIMEOUT);
        if (problem.isPresent()) {
            // A broker that refused the credentials is up: the hint to start one would mislead.
            boolean refused = KafkaSettings.isRefusal(problem.get());
            throw new CliException("cannot reach Kafka at " + connection.get(
                    CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG) + " (" + problem.get() + ")"
                    + (refused ? "" : " — start it with ./multitune broker start or set KAFKA_BOOTSTRAP_SERVERS"),
                    RunExit.KAFKA_UNREACHABLE, null, null);
        }
    }

    /**
     * Waits for the answer to a request sent by {@link #submit} on this client.
     *
     * @return the answer, or empty when none arrived within {@code timeout}
     */
    public Optional<Answer> await(Submission submission, Duration timeout) {
        KafkaConsumer<String, byte[]> c = consumer();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long leftMs = (deadline - System.nanoTime()) / 1_000_000;
            if (leftMs <= 0) {
                return Optional.empty();
            }
            for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(Math.min(500, leftMs)))) {
                Answer answer = answerOf(r, submission.runId());
                if (answer != null) {
                    return Optional.of(answer);
                }
            }
        }
    }

    /** The record as the answer to run {@code runId}, else null (another run, a request, an unreadable event). */
    static Answer answerOf(ConsumerRecord<String, byte[]> r, String runId) {
        if (r.value() == null || (r.key() != null && !r.key().equals(runId))) {
            return null;
        }
        String type = CloudEventHeaders.lastValue(r.headers(), CloudEventHeaders.CE_TYPE);
        if (!EventType.RUN_PLANNED.ceType().equals(type) && !EventType.RUN_REJECTED.ceType().equals(type)) {
            return null;
        }
        try {
            PipelineEvent e = EventCodec.INSTANCE.decode(r.headers(), r.value());
            if (e instanceof RunPlanned p && runId.equals(p.runId())) {
                return new Answer(p, null);
            }
            if (e instanceof RunRejected j && runId.equals(j.runId())) {
                return new Answer(null, j);
            }
        } catch (EventFormatException ignored) {
            // not ours to judge here: skip what we cannot read
        }
        return null;
    }

    private KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            Map<String, Object> props = new HashMap<>(connection);
            props.put(ProducerConfig.CLIENT_ID_CONFIG, "multitune-run-submit");
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
            props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000);
            props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 45_000);
            producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    private KafkaConsumer<String, byte[]> consumer() {
        if (consumer == null) {
            Map<String, Object> props = new HashMap<>(connection);
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
            props.put(ConsumerConfig.CLIENT_ID_CONFIG, "multitune-run-wait");
            props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
            props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false); // the topic is provisioned, not guessed
            consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        }
        return consumer;
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(10));
            producer = null;
        }
        if (consumer != null) {
            consumer.close(Duration.ofSeconds(5));
            consumer = null;
        }
    }
}
