package io.multitune.cli.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multitune.events.DatasetProfiled;
import io.multitune.events.EventCodec;
import io.multitune.events.PipelineEvent;
import io.multitune.events.RunPlanned;
import io.multitune.events.Split;
import io.multitune.events.StandardExample;
import io.multitune.events.Topics;
import io.multitune.events.TrainingBatch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Checks, from the topics alone, that the counts of a demo run add up at every stage: each dataset's records
 * (received = accepted + rejected + duplicates, one dead letter per rejected record), each task's training pool
 * (the examples the sampler planned from are the task's train-split examples on the examples topic), and each job's
 * batches (as many training steps as planned, the planned examples per task, all drawn from the task's pool).
 */
final class PipelineCounts {
    private final Map<String, Object> connection;

    PipelineCounts(Map<String, Object> connection) {
        this.connection = connection;
    }

    /** @param trainedToTheEnd jobs whose training completed (not early-stopped): their whole stream was drawn */
    void assertAddUp(RunPlanned plan, Set<String> trainedToTheEnd) {
        Map<String, DatasetProfiled> profiles = latestProfiles();
        Map<String, Long> deadLetters = new HashMap<>();
        records(Topics.DATA_DLQ).forEach(r -> deadLetters.merge(r.key(), 1L, Long::sum));
        Map<String, Set<String>> trainIdsByDataset = new HashMap<>();
        for (StandardExample x : liveExamples().values()) {
            if (x.split() == Split.TRAIN) {
                trainIdsByDataset.computeIfAbsent(x.datasetId(), d -> new HashSet<>()).add(x.id());
            }
        }
        for (RunPlanned.TaskPlan task : plan.jobs().get(0).tasks()) {
            long pool = 0;
            for (String dataset : task.datasets()) {
                DatasetProfiled.Counts counts = profiles.get(dataset).counts();
                assertTrue(counts.addUp(), dataset + ": " + counts);
                assertEquals(counts.rejected(), deadLetters.getOrDefault(dataset, 0L),
                        dataset + ": one dead letter per rejected record");
                long train = trainIdsByDataset.getOrDefault(dataset, Set.of()).size();
                assertEquals(profiles.get(dataset).splits().getOrDefault("train", 0L), train,
                        dataset + ": the profile's train split is what the examples topic holds");
                pool += train;
            }
            assertEquals(pool, task.poolExamples(), task.taskId() + ": the sampler's pool is the task's train split");
        }
        Map<String, List<TrainingBatch>> batchesByJob = new HashMap<>();
        for (PipelineEvent e : events(Topics.BATCHES)) {
            if (e instanceof TrainingBatch b && b.runId().equals(plan.runId())) {
                batchesByJob.computeIfAbsent(b.jobId(), j -> new ArrayList<>()).add(b);
            }
        }
        for (RunPlanned.JobPlan job : plan.jobs()) {
            assertBatchesAddUp(job, batchesByJob.getOrDefault(job.jobId(), List.of()), trainIdsByDataset,
                    trainedToTheEnd.contains(job.jobId()));
        }
    }

    private static void assertBatchesAddUp(RunPlanned.JobPlan job, List<TrainingBatch> batches,
                                           Map<String, Set<String>> trainIdsByDataset, boolean whole) {
        List<TrainingBatch> train = batches.stream().filter(b -> b.kind() == TrainingBatch.Kind.TRAIN).toList();
        long steps = train.stream().map(TrainingBatch::step).distinct().count();
        assertEquals(train.size(), steps, job.jobId() + ": one training batch per step, none repeated");
        if (!whole) {
            assertTrue(steps <= job.steps(), job.jobId() + ": no more steps than planned");
            return;
        }
        assertEquals(job.steps(), steps, job.jobId() + ": one training batch per planned step");
        Map<String, Long> drawn = new LinkedHashMap<>();
        for (TrainingBatch b : train) {
            for (StandardExample x : b.examples()) {
                drawn.merge(x.taskId(), 1L, Long::sum);
                assertEquals(Split.TRAIN, x.split(), x.id());
                assertTrue(trainIdsByDataset.getOrDefault(x.datasetId(), Set.of()).contains(x.id()),
                        x.id() + " comes from its dataset's train split");
            }
        }
        for (RunPlanned.TaskPlan task : job.tasks()) {
            assertEquals(task.plannedExamples(), drawn.getOrDefault(task.taskId(), 0L),
                    job.jobId() + "/" + task.taskId() + ": the planned examples were drawn");
        }
    }

    /** The examples topic as compaction leaves it: the latest record per example id, tombstones removing. */
    private Map<String, StandardExample> liveExamples() {
        Map<String, StandardExample> live = new HashMap<>();
        for (ConsumerRecord<String, byte[]> r : records(Topics.EXAMPLES)) {
            if (r.value() == null) {
                live.remove(r.key());
            } else if (EventCodec.INSTANCE.decode(r.headers(), r.value()) instanceof StandardExample x) {
                live.put(r.key(), x);
            }
        }
        return live;
    }

    private Map<String, DatasetProfiled> latestProfiles() {
        Map<String, DatasetProfiled> latest = new HashMap<>();
        for (PipelineEvent e : events(Topics.DATASETS)) {
            if (e instanceof DatasetProfiled p) {
                latest.put(p.datasetId(), p);
            }
        }
        return latest;
    }

    private List<PipelineEvent> events(String topic) {
        List<PipelineEvent> events = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : records(topic)) {
            if (r.value() != null) {
                try {
                    events.add(EventCodec.INSTANCE.decode(r.headers(), r.value()));
                } catch (RuntimeException e) {
                    // Raw records and the like: not events.
                }
            }
        }
        return events;
    }

    /** Every record of the topic, from its beginning to where it ends now. */
    private List<ConsumerRecord<String, byte[]>> records(String topic) {
        Map<String, Object> props = new HashMap<>(connection);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        List<ConsumerRecord<String, byte[]>> all = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                assertTrue(System.nanoTime() < deadline, "reading " + topic + " took over 2 minutes");
                consumer.poll(Duration.ofMillis(500)).forEach(all::add);
            }
        }
        return all;
    }
}
