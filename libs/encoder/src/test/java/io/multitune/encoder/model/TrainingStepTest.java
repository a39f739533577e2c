package io.multitune.encoder.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.multitune.encoder.TinyBert;
import io.multitune.encoder.tokens.BertTokenization;
import io.multitune.encoder.tokens.EncodedBatch;
import io.multitune.encoder.weights.BertWeights;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A few SGD steps on a toy classification loss (fixed random head on [CLS]) must lower it, for every method.
 * Dropout is off so that the loss curve is deterministic.
 */
class TrainingStepTest {

    private static final int STEPS = 12;
    private static final float[] LABELS_ONE_HOT = {1, 0, 0, 1, 0, 1, 1, 0};

    private static NDManager manager;
    private static EncodedBatch batch;
    private static float[] head;
    private static final BertWeights WEIGHTS = TinyBert.weights(41);

    @BeforeAll
    static void setUp(@TempDir Path dir) throws Exception {
        manager = NDManager.newBaseManager("PyTorch");
        try (BertTokenization tokens = TinyBert.tokenization(dir)) {
            batch = tokens.encode(TinyBert.SENTENCES);
        }
        SplittableRandom random = new SplittableRandom(4);
        head = new float[32 * 2];
        for (int i = 0; i < head.length; i++) {
            head[i] = (float) (random.nextDouble() - 0.5);
        }
    }

    @AfterAll
    static void tearDown() {
        manager.close();
    }

    @Test
    void loraLowersTheLossAndLeavesTheBaseUntouched() {
        AdapterSpec lora = AdapterSpec.lora(4, 8f, 0f, LoraTarget.QUERY, LoraTarget.VALUE);
        try (BertEncoder encoder = BertEncoder.create(manager, WEIGHTS, EncoderOptions.withoutDropout(lora))) {
            Parameter query = encoder.parameters().stream()
                    .filter(p -> p.getName().equals("encoder.layer.0.attention.self.query.weight")).findFirst()
                    .orElseThrow();
            float[] before = query.getArray().toFloatArray();
            assertLearns(encoder, 1f);
            assertArrayEquals(before, query.getArray().toFloatArray(), "the frozen base weight did not move");
        }
    }

    @Test
    void bottleneckAdaptersLowerTheLoss() {
        try (BertEncoder encoder = BertEncoder.create(manager, WEIGHTS, EncoderOptions.withoutDropout(AdapterSpec.bottleneck(8)))) {
            assertLearns(encoder, 0.1f);
        }
    }

    @Test
    void fullFineTuningLowersTheLoss() {
        try (BertEncoder encoder = BertEncoder.create(manager, WEIGHTS, EncoderOptions.withoutDropout(AdapterSpec.full()))) {
            // Small: LayerNorm over 0.02-scale random embeddings turns their gradients large.
            assertLearns(encoder, 5e-4f);
        }
    }

    private static void assertLearns(BertEncoder encoder, float learningRate) {
        Optimizer sgd = Optimizer.sgd().setLearningRateTracker(Tracker.fixed(learningRate)).build();
        List<Float> losses = new ArrayList<>();
        for (int step = 0; step < STEPS; step++) {
            losses.add(step(encoder, sgd));
        }
        System.out.println(encoder.options().adapter() + " toy loss: " + losses);
        assertTrue(losses.get(STEPS - 1) < 0.8f * losses.get(0), "loss fell too little: " + losses);
    }

    /** One training step: forward in training mode, cross-entropy on [CLS] · head, backward, SGD update. */
    private static float step(BertEncoder encoder, Optimizer optimizer) {
        try (NDManager scratch = encoder.manager().newSubManager();
             GradientCollector collector = scratch.getEngine().newGradientCollector()) {
            NDArray hidden = encoder.forward(scratch, batch, true);
            NDArray cls = hidden.get(":, 0, :");
            NDArray logits = cls.matMul(scratch.create(head, new Shape(32, 2)));
            NDArray target = scratch.create(LABELS_ONE_HOT, new Shape(4, 2));
            NDArray loss = logits.logSoftmax(-1).mul(target).sum().neg().div(4f);
            collector.backward(loss);
            for (Parameter p : encoder.trainableParameters()) {
                try (NDArray gradient = p.getArray().getGradient()) {
                    optimizer.update(p.getId(), p.getArray(), gradient);
                }
            }
            return loss.getFloat();
        }
    }
}
