package io.multitune.cli.bench;

import io.multitune.dataprep.ExampleIds;
import io.multitune.events.DatasetProfiled;
import io.multitune.events.DatasetRegistered;
import io.multitune.events.DatasetSpec;
import io.multitune.events.EventCodec;
import io.multitune.events.ExampleInput;
import io.multitune.events.ExampleTarget;
import io.multitune.events.SourcePosition;
import io.multitune.events.Split;
import io.multitune.events.StandardExample;
import io.multitune.events.TaskType;
import io.multitune.events.Topics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Synthetic standard examples of one benchmark dataset, as data-ingest would have written them: text classification,
 * ~70 % {@code pos} and ~30 % {@code neg}, about 1 % in VALIDATION and the rest in TRAIN, ids made by
 * {@link ExampleIds}. Also the dataset's registered and profiled events, whose counts match the examples exactly.
 */
final class BenchExamples {
    /** The CloudEvents source of what the benchmark writes. */
    static final String SOURCE = "/cli/bench";

    private final DatasetSpec spec;
    private final List<StandardExample> examples;
    private final int[] lengths;

    private BenchExamples(DatasetSpec spec, List<StandardExample> examples, int[] lengths) {
        this.spec = spec;
        this.examples = examples;
        this.lengths = lengths;
    }

    static BenchExamples generate(String datasetId, String taskId, int count, int textBytes, long seed) {
        DatasetSpec spec = BenchRecords.datasetSpec(datasetId, taskId);
        SplittableRandom random = new SplittableRandom(seed);
        List<StandardExample> examples = new ArrayList<>(count);
        int[] lengths = new int[count];
        for (int i = 0; i < count; i++) {
            String text = BenchRecords.reviewText(i, textBytes, random);
            String label = random.nextInt(10) < 7 ? BenchRecords.POSITIVE : BenchRecords.NEGATIVE;
            Split split = random.nextInt(100) == 0 ? Split.VALIDATION : Split.TRAIN;
            ExampleInput input = ExampleInput.text(text);
            ExampleTarget target = ExampleTarget.label(label);
            examples.add(new StandardExample(StandardExample.SCHEMA_VERSION, ExampleIds.exampleId(datasetId, input,
                    target), datasetId, taskId, TaskType.TEXT_CLASSIFICATION, split, input, target, spec.domain(),
                    null, "en", new SourcePosition(Topics.DATA_RAW, 0, i, 0, null), null));
            lengths[i] = text.length();
        }
        return new BenchExamples(spec, examples, lengths);
    }

    int size() {
        return examples.size();
    }

    String datasetId() {
        return spec.datasetId();
    }

    String taskId() {
        return spec.taskId();
    }

    long count(Split split) {
        return examples.stream().filter(e -> e.split() == split).count();
    }

    /** The examples as records for {@code topic}: key = example id, CloudEvents headers. */
    List<ProducerRecord<String, byte[]>> records(String topic) {
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(examples.size());
        for (StandardExample e : examples) {
            records.add(EventCodec.INSTANCE.record(topic, e.id(), e, SOURCE));
        }
        return records;
    }

    ProducerRecord<String, byte[]> registered() {
        return EventCodec.INSTANCE.record(Topics.DATASETS, spec.datasetId(),
                new DatasetRegistered(DatasetRegistered.SCHEMA_VERSION, spec, Instant.now()), SOURCE);
    }

    /** The dataset's complete profile (END_OF_IMPORT): every count and split matches the examples. */
    ProducerRecord<String, byte[]> profiled() {
        return EventCodec.INSTANCE.record(Topics.DATASETS, spec.datasetId(), profile(), SOURCE);
    }

    DatasetProfiled profile() {
        long n = examples.size();
        Map<String, Long> splits = new TreeMap<>();
        Map<String, Map<String, Long>> labelsBySplit = new TreeMap<>();
        for (Split split : Split.values()) {
            splits.put(split.wireName(), 0L);
        }
        for (StandardExample e : examples) {
            splits.merge(e.split().wireName(), 1L, Long::sum);
            labelsBySplit.computeIfAbsent(e.split().wireName(), k -> new TreeMap<>())
                    .merge(e.target().label(), 1L, Long::sum);
        }
        Map<String, Long> train = labelsBySplit.getOrDefault(Split.TRAIN.wireName(), Map.of());
        Double imbalance = train.size() < 2 ? null : (double) train.values().stream().mapToLong(Long::longValue).max()
                .orElse(1) / train.values().stream().mapToLong(Long::longValue).min().orElse(1);
        int[] sorted = lengths.clone();
        Arrays.sort(sorted);
        DatasetProfiled.LengthPercentiles chars = new DatasetProfiled.LengthPercentiles(rank(sorted, 50),
                rank(sorted, 90), rank(sorted, 99), sorted.length == 0 ? 0 : sorted[sorted.length - 1]);
        return new DatasetProfiled(DatasetProfiled.SCHEMA_VERSION, spec.datasetId(), spec.taskId(), spec.taskType(),
                true, DatasetProfiled.Trigger.END_OF_IMPORT, Instant.now(),
                new DatasetProfiled.Counts(n, n, 0, 0, 0, n), splits, labelsBySplit, Map.of(spec.domain(), n),
                imbalance, chars, null, Map.of(), Map.of());
    }

    /** Nearest rank percentile of sorted values. */
    private static int rank(int[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int r = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, r - 1)];
    }
}
