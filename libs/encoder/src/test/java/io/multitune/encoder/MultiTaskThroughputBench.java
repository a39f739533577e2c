package io.multitune.encoder;

import static io.multitune.encoder.TaskHeadFixture.head;

import io.multitune.encoder.onnx.OnnxBertReader;
import io.multitune.encoder.onnx.OnnxBertWriter;
import io.multitune.encoder.onnx.OnnxMultiTaskWriter;
import io.multitune.encoder.onnx.OrtBertRunner;
import io.multitune.encoder.onnx.OrtMultiTaskRunner;
import io.multitune.encoder.onnx.OrtRunnerOptions;
import io.multitune.encoder.tokens.BertTokenization;
import io.multitune.encoder.tokens.EncodedBatch;
import io.multitune.encoder.weights.BertWeights;
import io.multitune.encoder.weights.TaskHeadWeights;
import io.multitune.encoder.weights.TaskHeadWeights.Kind;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Not a test: ONNX Runtime inference throughput of MiniLM + 3 heads at batch 32, short review-like sentences and
 * 128-token inputs, against the encoder alone (the original file and our export). Run with the test classpath and
 * DJL_OFFLINE=true (the tokenizer's native library comes through DJL).
 */
public final class MultiTaskThroughputBench {

    private static final int BATCH = 32;
    private static final double SECONDS = Double.parseDouble(System.getProperty("bench.seconds", "8"));

    private static final List<String> REVIEWS = List.of(
            "Great phone, the battery lasts two days.",
            "Terrible service, I waited an hour and nobody came to take our order.",
            "Not bad.",
            "The plot was predictable but the actors did a wonderful job with a thin script.",
            "I would not recommend this hotel to anyone travelling with children.",
            "Works as described.",
            "The sound quality is poor and the headset broke after a week of light use.",
            "Lovely staff, clean rooms and a quiet street: we will come back next summer.",
            "Waste of money.",
            "The first half drags, yet the ending makes up for it and I left the cinema smiling.",
            "Shipping was fast and the packaging was fine.",
            "The case does not fit the newer model, so check the dimensions before ordering.",
            "Best pizza in town!",
            "I have mixed feelings about the sequel; some scenes are brilliant, others feel rushed.",
            "Customer support replaced the faulty unit without any questions.",
            "Too loud, too long and too expensive for what it is.");

    private MultiTaskThroughputBench() {
    }

    public static void main(String[] args) throws Exception {
        byte[] original = MiniLmL6V2.ONNX.readAllBytes();
        BertWeights weights = OnnxBertReader.read(original, "minilm").weights();
        List<TaskHeadWeights> heads = List.of(head("sentiment", Kind.SEQUENCE_CLASSIFICATION, 384, 3, 1),
                head("pos", Kind.TOKEN_CLASSIFICATION, 384, 17, 2), head("stars", Kind.REGRESSION, 384, 1, 3));
        byte[] multiTask = OnnxMultiTaskWriter.write(weights, heads);
        byte[] encoderOnly = OnnxBertWriter.toBytes(weights);
        List<EncodedBatch> batches = new ArrayList<>();
        try (BertTokenization tokens = BertTokenization.miniLm()) {
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < BATCH; i++) {
                texts.add(REVIEWS.get(i % REVIEWS.size()));
            }
            batches.add(tokens.encode(texts));
            batches.add(tokens.encode(Collections.nCopies(BATCH, String.join(" ", Collections.nCopies(200, "word")))));
        }
        System.out.printf("%d cores; %s%n", Runtime.getRuntime().availableProcessors(), System.getProperty("os.arch"));
        for (EncodedBatch batch : batches) {
            System.out.printf("batch %d x %d tokens (%.1f real tokens per sentence)%n", batch.size(), batch.length(),
                    realTokens(batch) / (double) batch.size());
            try (OrtBertRunner r = OrtBertRunner.open(original)) {
                report("  encoder only, original MiniLM file", () -> r.lastHiddenState(batch));
            }
            try (OrtBertRunner r = OrtBertRunner.open(encoderOnly)) {
                report("  encoder only, our export          ", () -> r.lastHiddenState(batch));
            }
            OrtRunnerOptions defaults = OrtRunnerOptions.defaults();
            for (OrtRunnerOptions o : List.of(defaults, defaults.withSpinning(true), defaults.withIntraOpThreads(1))) {
                try (OrtMultiTaskRunner r = OrtMultiTaskRunner.open(multiTask, o)) {
                    report("  3 heads, threads " + (o.intraOpThreads() == 0 ? "auto" : o.intraOpThreads())
                            + (o.allowSpinning() ? ", spinning   " : ", no spinning"), () -> r.run(batch));
                }
            }
        }
    }

    @FunctionalInterface
    private interface Call {
        Object run() throws Exception;
    }

    private static void report(String label, Call call) throws Exception {
        for (int i = 0; i < 3; i++) {
            call.run();
        }
        List<Double> times = new ArrayList<>();
        long end = System.nanoTime() + (long) (SECONDS * 1e9);
        while (System.nanoTime() < end || times.size() < 5) {
            long start = System.nanoTime();
            call.run();
            times.add((System.nanoTime() - start) / 1e9);
        }
        Collections.sort(times);
        double median = times.get(times.size() / 2);
        double mean = times.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        System.out.printf(Locale.ROOT, "%s: %6.1f sentences/s (median %.0f ms/batch, mean %.0f ms, %d batches)%n",
                label, BATCH / median, median * 1e3, mean * 1e3, times.size());
    }

    private static long realTokens(EncodedBatch batch) {
        long n = 0;
        for (int i = 0; i < batch.size(); i++) {
            n += batch.realTokens(i);
        }
        return n;
    }
}
