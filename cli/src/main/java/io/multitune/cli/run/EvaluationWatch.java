package io.multitune.cli.run;

import io.multitune.events.EvaluationFailed;
import io.multitune.events.EventCodec;
import io.multitune.events.ModelEvaluated;
import io.multitune.events.PipelineEvent;
import io.multitune.events.RunEvaluated;
import io.multitune.events.RunPlanned;
import io.multitune.events.Topics;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Follows a planned run on the evaluations topic (from the plan's time on) until the evaluator has judged it, or
 * could not (its multi-task model failed evaluation), printing a line per model as it is scored.
 */
public final class EvaluationWatch implements AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(250);

    private final KafkaConsumer<String, byte[]> consumer;

    /** What the evaluator said about a run. {@code evaluated} is null when it did not judge the run in time. */
    public record Outcome(RunEvaluated evaluated, List<ModelEvaluated> models, List<EvaluationFailed> failures) {
    }

    public EvaluationWatch(Map<String, Object> connection) {
        Map<String, Object> props = new HashMap<>(connection);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "multitune-evaluation-watch");
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** Waits for the run's evaluation, or its multi-task model's failure, or {@code timeout}. */
    public Outcome follow(RunPlanned plan, Duration timeout, PrintWriter out) {
        String mtlJob = plan.jobs().stream().filter(j -> j.kind() == RunPlanned.JobKind.MULTI_TASK)
                .map(RunPlanned.JobPlan::jobId).findFirst().orElse(null);
        seekToPlan(plan);
        List<ModelEvaluated> models = new ArrayList<>();
        List<EvaluationFailed> failures = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> r : consumer.poll(POLL)) {
                if (!plan.runId().equals(r.key())) {
                    continue;
                }
                PipelineEvent event = decode(r);
                if (event instanceof RunEvaluated e) {
                    return new Outcome(e, models, failures);
                } else if (event instanceof ModelEvaluated e) {
                    models.add(e);
                    out.printf(java.util.Locale.ROOT, "  scored %s on %d test examples in %.1f s (%s): unified "
                            + "score %.4f%n", e.jobId(), e.tasks().values().stream()
                            .mapToLong(ModelEvaluated.TaskEvaluation::examples).sum(), e.seconds(),
                            e.executionProvider(), e.unifiedScore());
                } else if (event instanceof EvaluationFailed e) {
                    failures.add(e);
                    out.printf("  evaluation of %s failed (%s): %s%n", e.jobId(), e.problem(), e.reason());
                    if (e.jobId() != null && e.jobId().equals(mtlJob)) {
                        return new Outcome(null, models, failures);
                    }
                }
            }
            out.flush();
        }
        return new Outcome(null, models, failures);
    }

    private static PipelineEvent decode(ConsumerRecord<String, byte[]> r) {
        try {
            return EventCodec.INSTANCE.decode(r.headers(), r.value());
        } catch (RuntimeException e) {
            return null;
        }
    }

    private void seekToPlan(RunPlanned plan) {
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.EVALUATIONS).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        Map<TopicPartition, Long> times = new HashMap<>();
        partitions.forEach(p -> times.put(p, plan.plannedAt().toEpochMilli() - 1000));
        Map<TopicPartition, OffsetAndTimestamp> offsets = consumer.offsetsForTimes(times);
        List<TopicPartition> quiet = new ArrayList<>();
        for (TopicPartition p : partitions) {
            if (offsets.get(p) != null) {
                consumer.seek(p, offsets.get(p).offset());
            } else {
                quiet.add(p);
            }
        }
        if (!quiet.isEmpty()) {
            // An empty list would mean every assigned partition.
            consumer.seekToEnd(quiet);
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
