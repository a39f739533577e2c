package io.multitune.cli.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Deterministic, distinct raw records of about {@code textBytes} of English-like text, one JSON line each. */
final class BenchRecords {
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
        StringBuilder text = new StringBuilder(textBytes + 64);
        for (int i = 0; i < count; i++) {
            text.setLength(0);
            text.append("Review ").append(i).append(':');
            while (text.length() < textBytes) {
                text.append(' ').append(WORDS[random.nextInt(WORDS.length)]);
            }
            String label = random.nextInt(3) == 0 ? "neg" : "pos";
            String line = "{\"text\":\"" + text + "\",\"label\":\"" + label + "\"}";
            records.add(line.getBytes(StandardCharsets.UTF_8));
        }
        return records;
    }

    static byte[] spec(String datasetId) {
        return ("{\"datasetId\":\"" + datasetId + "\",\"taskId\":\"bench\",\"taskType\":\"text-classification\","
                + "\"format\":\"jsonl\",\"labels\":[\"neg\",\"pos\"],\"domain\":\"bench\"}")
                .getBytes(StandardCharsets.UTF_8);
    }
}
