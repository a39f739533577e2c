package io.multitune.sampler;

import io.multitune.events.DatasetProfiled;
import io.multitune.events.DatasetRegistered;
import io.multitune.events.DatasetSpec;
import io.multitune.events.EventCodec;
import io.multitune.events.ExampleInput;
import io.multitune.events.ExampleTarget;
import io.multitune.events.PipelineEvent;
import io.multitune.events.SourceFormat;
import io.multitune.events.Split;
import io.multitune.events.StandardExample;
import io.multitune.events.TaskType;
import io.multitune.events.Topics;
import io.multitune.testing.kafka.KafkaTestClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes what data-ingest would have written for a small labelled dataset: its registration, its examples (70%
 * "pos", 30% "neg"; every tenth one in validation) and its profile.
 */
final class SamplerTestData {
    private SamplerTestData() {
    }

    static DatasetSpec spec(String datasetId, String taskId) {
        return new DatasetSpec(datasetId, taskId, TaskType.TEXT_CLASSIFICATION, SourceFormat.JSONL, null,
                List.of("neg", "pos"), null, null, null, null, "en", null, null, null, null, null);
    }

    static void register(KafkaTestClient kafka, String datasetId, String taskId) {
        kafka.produce(event(Topics.DATASETS, datasetId, new DatasetRegistered(1, spec(datasetId, taskId),
                Instant.now())));
    }

    /** Sends the examples and returns them. */
    static List<StandardExample> examples(KafkaTestClient kafka, String datasetId, String taskId, int n) {
        List<StandardExample> examples = new ArrayList<>();
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Split split = i % 10 == 9 ? Split.VALIDATION : Split.TRAIN;
            String label = i % 10 < 3 ? "neg" : "pos";
            StandardExample e = new StandardExample(1, datasetId + "-" + String.format("%05d", i), datasetId, taskId,
                    TaskType.TEXT_CLASSIFICATION, split, ExampleInput.text("text number " + i + " " + "w".repeat(i % 17)),
                    ExampleTarget.label(label), null, Map.of(), "en", null, null);
            examples.add(e);
            records.add(event(Topics.EXAMPLES, e.id(), e));
        }
        kafka.produceAll(records);
        return examples;
    }

    static void profile(KafkaTestClient kafka, String datasetId, String taskId, List<StandardExample> examples) {
        Map<String, Long> splits = new HashMap<>();
        Map<String, Map<String, Long>> labels = new HashMap<>();
        for (StandardExample e : examples) {
            splits.merge(e.split().wireName(), 1L, Long::sum);
            labels.computeIfAbsent(e.split().wireName(), s -> new HashMap<>()).merge(e.target().label(), 1L,
                    Long::sum);
        }
        long n = examples.size();
        kafka.produce(event(Topics.DATASETS, datasetId, new DatasetProfiled(1, datasetId, taskId,
                TaskType.TEXT_CLASSIFICATION, true, DatasetProfiled.Trigger.END_OF_IMPORT, Instant.now(),
                new DatasetProfiled.Counts(n, n, 0, 0, 0, n), splits, labels, Map.of(), null, null, null, Map.of(),
                Map.of())));
    }

    /** Registration, examples and profile of one dataset. */
    static List<StandardExample> dataset(KafkaTestClient kafka, String datasetId, String taskId, int n) {
        register(kafka, datasetId, taskId);
        List<StandardExample> examples = examples(kafka, datasetId, taskId, n);
        profile(kafka, datasetId, taskId, examples);
        return examples;
    }

    static ProducerRecord<String, byte[]> event(String topic, String key, PipelineEvent event) {
        return EventCodec.INSTANCE.record(topic, key, event, "/test");
    }
}
