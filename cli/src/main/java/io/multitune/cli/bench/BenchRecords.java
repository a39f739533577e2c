package io.multitune.cli.bench;

import io.multitune.cli.ingest.SpecFiles;
import io.multitune.events.DatasetSpec;
import io.multitune.events.SourceFormat;
import io.multitune.events.TaskType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Deterministic, distinct raw records of about {@code textBytes} of English-like text, one JSON line each. */
final class BenchRecords {
    /** The benchmarks' task: two labels, neg and pos. */
    static final String TASK = "bench";
    static final String NEGATIVE = "neg";
    static final String POSITIVE = "pos";

    private static final String[] WORDS = ("the a film story plot actor scene music camera light dark slow fast good "
            + "bad great poor brilliant dull moving funny sad long short character ending beginning director script "
            + "dialogue performance visual sound editing pacing tension humour drama action romance thriller comedy "
            + "audience critic review moment memorable forgettable strong weak subtle loud quiet honest clever")
            .split(" ");

    private BenchRecords() {
    }

    static List<byte[]> generate(int count, int textBytes, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<byte[]> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String text = reviewText(i, textBytes, random);
            String label = random.nextInt(3) == 0 ? NEGATIVE : POSITIVE;
            String line = "{\"text\":\"" + text + "\",\"label\":\"" + label + "\"}";
            records.add(line.getBytes(StandardCharsets.UTF_8));
        }
        return records;
    }

    /** "Review {index}:" and random words up to at least {@code textBytes} characters (ASCII, no quotes). */
    static String reviewText(int index, int textBytes, SplittableRandom random) {
        StringBuilder text = new StringBuilder(textBytes + 16);
        text.append("Review ").append(index).append(':');
        while (text.length() < textBytes) {
            text.append(' ').append(WORDS[random.nextInt(WORDS.length)]);
        }
        return text.toString();
    }

    /** The spec of a benchmark dataset: JSONL text classification, labels neg and pos. */
    static DatasetSpec datasetSpec(String datasetId, String taskId) {
        return new DatasetSpec(datasetId, taskId, TaskType.TEXT_CLASSIFICATION, SourceFormat.JSONL, null,
                List.of(NEGATIVE, POSITIVE), null, "bench", null, null, null, null, null, null, null, null);
    }

    static byte[] spec(String datasetId) {
        return SpecFiles.toJson(datasetSpec(datasetId, TASK));
    }
}
