package io.multitune.cli.run;

import io.multitune.cli.MultituneCommand;
import io.multitune.cli.broker.LocalBroker;
import io.multitune.cli.common.KafkaSettings;
import io.multitune.cli.common.Processes;
import io.multitune.cli.common.TopicProvisioning;
import io.multitune.events.EventCodec;
import io.multitune.events.PipelineEvent;
import io.multitune.events.RunRequest;
import io.multitune.events.Topics;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine;

/**
 * A real broker (the standalone broker process) with the pipeline's topics, an artifact root, and the run commands
 * pointed at both, for the run commands' broker tests. The tests publish the sampler's, trainer's, evaluator's and
 * bias auditor's events themselves.
 */
final class RunTestBroker implements AutoCloseable {
    /** The evaluator URL the commands are given. */
    static final String EVALUATOR_URL = "http://evaluator:8084";

    private final LocalBroker.Handle broker;
    private final KafkaSettings kafka;
    private final Path artifacts;

    /** What one command printed and how it exited. */
    record Result(int exitCode, String out, String err) {
    }

    RunTestBroker(Path dir) throws Exception {
        broker = LocalBroker.start(dir.resolve("broker"), Processes.freePort()).stopOnExit();
        kafka = KafkaSettings.forBootstrap(broker.bootstrapServers());
        TopicProvisioning.ensureTopics(kafka);
        artifacts = Files.createDirectories(dir.resolve("artifacts"));
    }

    Map<String, Object> connection() {
        return kafka.clientConfig();
    }

    Path artifacts() {
        return artifacts;
    }

    /** Runs {@code ./multitune ARGS} on this broker and artifact root. */
    Result multitune(String... args) {
        return multitune(connection(), new StringWriter(), args);
    }

    /** Runs {@code ./multitune ARGS} on {@code connection}, printing to {@code out} (a test may read it meanwhile). */
    Result multitune(Map<String, Object> connection, StringWriter out, String... args) {
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new MultituneCommand(), new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                K made = CommandLine.defaultFactory().create(type);
                if (made instanceof RunAction action) {
                    action.connection = connection;
                    action.reports = new ReportLocation(artifacts, EVALUATOR_URL);
                }
                return made;
            }
        });
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    /** Publishes the events, each to its topic with its key (run id, or job id on the training topic). */
    void publish(List<? extends PipelineEvent> events) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(connection(), new StringSerializer(),
                new ByteArraySerializer())) {
            for (PipelineEvent e : events) {
                // Keyed as the services key them: by the event's subject (run id, or job id for training events).
                producer.send(EventCodec.INSTANCE.record(RunEventsFixture.topicOf(e), e.subject(), e, "/test")).get();
            }
        }
    }

    /** Waits until a request for the run is on the runs topic, as the sampler would read it. */
    void awaitRequest(String runId) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        try (RunLog log = RunLog.open(connection(), "test-sampler")) {
            log.readFromBeginning(Topics.RUNS);
            while (System.nanoTime() < deadline) {
                if (log.poll((topic, key) -> runId.equals(key)).stream()
                        .anyMatch(r -> r.event() instanceof RunRequest)) {
                    return;
                }
            }
        }
        throw new AssertionError("no request for " + runId + " arrived");
    }

    @Override
    public void close() {
        broker.stop(Duration.ofSeconds(20));
    }
}
