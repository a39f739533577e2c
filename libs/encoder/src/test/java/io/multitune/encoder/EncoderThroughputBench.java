package io.multitune.encoder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.multitune.encoder.model.AdapterSpec;
import io.multitune.encoder.model.BertEncoder;
import io.multitune.encoder.model.EncoderOptions;
import io.multitune.encoder.model.LoraTarget;
import io.multitune.encoder.onnx.OnnxBertReader;
import io.multitune.encoder.tokens.BertTokenization;
import io.multitune.encoder.tokens.EncodedBatch;
import io.multitune.encoder.weights.BertWeights;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Not a test: training throughput of MiniLM (forward + backward + Adam) at batch 16, 128 tokens, for LoRA r=8 on
 * query/value and full fine-tuning. Run with the test classpath and DJL_OFFLINE=true OMP_WAIT_POLICY=PASSIVE.
 */
public final class EncoderThroughputBench {

    private static final int BATCH = 16;
    private static final int WARMUP = 2;
    private static final int MEASURED = 6;

    private EncoderThroughputBench() {
    }

    public static void main(String[] args) throws Exception {
        BertWeights weights = OnnxBertReader.readMiniLm().weights();
        EncodedBatch batch;
        try (BertTokenization tokens = BertTokenization.miniLm()) {
            String longText = String.join(" ", Collections.nCopies(200, "word"));
            batch = tokens.encode(Collections.nCopies(BATCH, longText));
        }
        System.out.println("batch " + batch.size() + " x " + batch.length());
        AdapterSpec lora = AdapterSpec.lora(8, 16f, 0.1f, LoraTarget.QUERY, LoraTarget.VALUE);
        List<EncoderOptions> runs = List.of(EncoderOptions.of(lora), EncoderOptions.withoutDropout(lora), new EncoderOptions(lora, 0.1f, 0f, 42L),
                EncoderOptions.of(AdapterSpec.full()), EncoderOptions.withoutDropout(AdapterSpec.full()));
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            for (EncoderOptions options : runs) {
                try (BertEncoder encoder = BertEncoder.create(manager, weights, options)) {
                    Optimizer adam = Optimizer.adam().optLearningRateTracker(Tracker.fixed(1e-4f)).build();
                    List<Double> seconds = new ArrayList<>();
                    for (int step = 0; step < WARMUP + MEASURED; step++) {
                        long start = System.nanoTime();
                        step(encoder, adam, batch);
                        if (step >= WARMUP) {
                            seconds.add((System.nanoTime() - start) / 1e9);
                        }
                    }
                    double mean = seconds.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
                    System.out.printf("%s: %.2f s/step, %.1f samples/s (steps %s)%n", options, mean, BATCH / mean,
                            seconds.stream().map(s -> String.format("%.2f", s)).toList());
                }
            }
        }
    }

    private static void step(BertEncoder encoder, Optimizer optimizer, EncodedBatch batch) {
        try (NDManager scratch = encoder.manager().newSubManager();
             GradientCollector collector = scratch.getEngine().newGradientCollector()) {
            NDArray hidden = encoder.forward(scratch, batch, true);
            NDArray logits = hidden.get(":, 0, :").matMul(scratch.ones(new Shape(384, 2)).mul(0.01f));
            NDArray loss = logits.logSoftmax(-1).get(":, 0").mean().neg();
            collector.backward(loss);
            for (Parameter p : encoder.trainableParameters()) {
                try (NDArray gradient = p.getArray().getGradient()) {
                    optimizer.update(p.getId(), p.getArray(), gradient);
                }
            }
        }
    }
}
