package io.multitune.cli.run;

import io.multitune.events.EventCodec;
import io.multitune.events.PipelineEvent;
import io.multitune.events.RunPlanned;
import io.multitune.events.Topics;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Follows a planned run's jobs on the training topic (from the plan's time on) and draws one progress line per job:
 * redrawn in place on a terminal, printed when they change (at most every few seconds) otherwise.
 */
public final class TrainingWatch implements AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(250);

    private final KafkaConsumer<String, byte[]> consumer;

    public TrainingWatch(Map<String, Object> connection) {
        Map<String, Object> props = new HashMap<>(connection);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "multitune-training-watch");
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * Waits until every job of the plan has ended, or {@code timeout}, drawing progress on {@code out}.
     *
     * @return each job's status, in plan order (some not done if the time ran out)
     */
    public List<JobStatus> follow(RunPlanned plan, Duration timeout, PrintWriter out, boolean interactive) {
        Map<String, JobStatus> jobs = new LinkedHashMap<>();
        plan.jobs().forEach(j -> jobs.put(j.jobId(), new JobStatus(j)));
        seekToPlan(plan);
        JobBars bars = new JobBars(out, interactive, List.copyOf(jobs.values()));
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && !jobs.values().stream().allMatch(JobStatus::done)) {
            for (ConsumerRecord<String, byte[]> r : consumer.poll(POLL)) {
                JobStatus status = jobs.get(r.key());
                if (status != null && status.apply(decode(r))) {
                    bars.changed();
                }
            }
            bars.tick();
        }
        bars.flush();
        return List.copyOf(jobs.values());
    }

    private static PipelineEvent decode(ConsumerRecord<String, byte[]> record) {
        try {
            return EventCodec.INSTANCE.decode(record.headers(), record.value());
        } catch (RuntimeException e) {
            return null;
        }
    }

    private void seekToPlan(RunPlanned plan) {
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.TRAINING).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        Map<TopicPartition, Long> times = new HashMap<>();
        partitions.forEach(p -> times.put(p, plan.plannedAt().toEpochMilli() - 1000));
        Map<TopicPartition, OffsetAndTimestamp> offsets = consumer.offsetsForTimes(times);
        Predicate<TopicPartition> found = p -> offsets.get(p) != null;
        partitions.stream().filter(found).forEach(p -> consumer.seek(p, offsets.get(p).offset()));
        List<TopicPartition> quiet = partitions.stream().filter(found.negate()).toList();
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
