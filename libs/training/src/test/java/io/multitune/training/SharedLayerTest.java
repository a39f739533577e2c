package io.multitune.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.nn.Parameter;
import io.multitune.encoder.model.AdapterSpec;
import io.multitune.encoder.model.EncoderOptions;

import java.util.List;
import org.junit.jupiter.api.Test;

/** GradNorm's shared layer per adapter type, and full fine-tuning and bottleneck adapters through the trainer. */
class SharedLayerTest {

    private static List<String> sharedLayer(AdapterSpec adapter) {
        try (MultiTaskModel model = MultiTaskModel.create(Fixtures.manager(), Fixtures.tinyWeights(1),
                EncoderOptions.withoutDropout(adapter), Fixtures.threeTasks(), 1)) {
            return model.sharedLayer().stream().map(Parameter::getName).toList();
        }
    }

    @Test
    void isTheLastLayersAdaptersOrItsOutputDense() {
        assertEquals(List.of("encoder.layer.1.attention.self.query.lora_A.weight",
                "encoder.layer.1.attention.self.query.lora_B.weight",
                "encoder.layer.1.attention.self.value.lora_A.weight",
                "encoder.layer.1.attention.self.value.lora_B.weight"), sharedLayer(Fixtures.lora(0f)));
        assertEquals(List.of("encoder.layer.1.output.dense.weight"), sharedLayer(AdapterSpec.full()));
        List<String> bottleneck = sharedLayer(AdapterSpec.bottleneck(4));
        assertEquals(8, bottleneck.size());
        assertTrue(bottleneck.stream().allMatch(n -> n.startsWith("encoder.layer.1.") && n.contains("adapter")));
        assertEquals(List.of(), sharedLayer(AdapterSpec.frozen()));
    }

    @Test
    void gradNormRefusesAFrozenEncoder() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ResumeTest.trainer("gradnorm",
                EncoderOptions.withoutDropout(AdapterSpec.frozen())));
        assertTrue(e.getMessage().contains("trains none"), e.getMessage());
    }

    @Test
    void fullFineTuningAndBottleneckAdaptersTrainThroughBothPaths() {
        for (AdapterSpec adapter : List.of(AdapterSpec.full(), AdapterSpec.bottleneck(4), AdapterSpec.frozen())) {
            for (String strategy : List.of("equal", "cagrad")) {
                try (JobTrainer trainer = ResumeTest.trainer(strategy, EncoderOptions.withoutDropout(adapter))) {
                    float[] before = trainer.model().trainableParameters().get(0).getArray().toFloatArray();
                    trainer.train(Fixtures.train(0, 1, Fixtures.mixedExamples(0)));
                    trainer.train(Fixtures.train(1, 2, Fixtures.mixedExamples(1)));
                    float[] after = trainer.model().trainableParameters().get(0).getArray().toFloatArray();
                    assertTrue(!java.util.Arrays.equals(before, after), adapter + " " + strategy + " moved nothing");
                }
            }
        }
    }
}
