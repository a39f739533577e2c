package io.multitune.cli.run;

import io.multitune.events.EventCodec;
import io.multitune.events.ModelTrained;
import io.multitune.events.PipelineEvent;
import io.multitune.events.RunPlanned;
import io.multitune.events.Topics;
import io.multitune.events.TrainingEnded;
import io.multitune.events.TrainingProgress;
import io.multitune.events.TrainingStarted;
import io.multitune.events.ValidationReported;
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
    private static final long PLAIN_EVERY_NANOS = 5_000_000_000L;

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
        int width = jobs.keySet().stream().mapToInt(String::length).max().orElse(10);
        long deadline = System.nanoTime() + timeout.toNanos();
        long lastPlain = 0;
        boolean drawn = false;
        Map<String, String> printed = new HashMap<>();
        while (System.nanoTime() < deadline && !jobs.values().stream().allMatch(JobStatus::done)) {
            boolean changed = false;
            for (ConsumerRecord<String, byte[]> r : consumer.poll(POLL)) {
                JobStatus status = jobs.get(r.key());
                if (status != null) {
                    changed |= apply(status, r);
                }
            }
            String frame = frame(jobs, width);
            if (interactive && changed) {
                drawn = redraw(out, frame, drawn, jobs.size());
            } else if (!interactive && System.nanoTime() - lastPlain > PLAIN_EVERY_NANOS) {
                printChanged(out, jobs, width, printed);
                lastPlain = System.nanoTime();
            }
        }
        if (interactive) {
            redraw(out, frame(jobs, width), drawn, jobs.size());
        } else {
            printChanged(out, jobs, width, printed);
        }
        out.flush();
        return List.copyOf(jobs.values());
    }

    private static boolean redraw(PrintWriter out, String frame, boolean drawn, int lines) {
        if (drawn) {
            out.print("\033[" + lines + "A");
        }
        for (String line : frame.split("\n")) {
            out.print("\r\033[2K" + line + "\n");
        }
        out.flush();
        return true;
    }

    /** Without a terminal: only the lines that changed since they were last printed, so logs stay short. */
    private static void printChanged(PrintWriter out, Map<String, JobStatus> jobs, int width,
                                     Map<String, String> printed) {
        jobs.forEach((id, status) -> {
            String line = status.line(width);
            if (!line.equals(printed.put(id, line))) {
                out.println("  " + line);
            }
        });
    }

    private static String frame(Map<String, JobStatus> jobs, int width) {
        StringBuilder b = new StringBuilder();
        jobs.values().forEach(s -> b.append("  ").append(s.line(width)).append('\n'));
        return b.toString();
    }

    private static boolean apply(JobStatus status, ConsumerRecord<String, byte[]> record) {
        PipelineEvent event;
        try {
            event = EventCodec.INSTANCE.decode(record.headers(), record.value());
        } catch (RuntimeException e) {
            return false;
        }
        if (event instanceof TrainingStarted e) {
            status.started(e);
        } else if (event instanceof TrainingProgress e) {
            status.progressed(e);
        } else if (event instanceof ValidationReported e) {
            status.validated(e);
        } else if (event instanceof ModelTrained e) {
            status.trained(e);
        } else if (event instanceof TrainingEnded e && !status.done()) {
            status.ended(e);
        } else {
            return false;
        }
        return true;
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
