package io.multitune.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.multitune.encoder.model.AdapterSpec;
import io.multitune.encoder.model.BertEncoder;
import io.multitune.encoder.model.EncoderOptions;
import io.multitune.encoder.tokens.EncodedBatch;
import io.multitune.encoder.weights.TaskHeadReference;
import io.multitune.encoder.weights.TaskHeadWeights;
import io.multitune.training.batch.TaskBatch;
import io.multitune.training.heads.TaskHead;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The export contract: the exported heads applied in plain Java by the encoder library's reference
 * ({@link TaskHeadReference}: masked mean pooling then dense, or dense per token) reproduce the DJL logits, and the
 * exported encoder (LoRA merged) reproduces the trained one.
 */
class ExportTest {

    @Test
    void exportedHeadsAndMergedEncoderReproduceTheTrainedModel() {
        try (JobTrainer trainer = ResumeTest.trainer("equal", Fixtures.noDropout())) {
            for (int s = 0; s < 3; s++) {
                trainer.train(Fixtures.train(s, s + 1, Fixtures.mixedExamples(s)));
            }
            MultiTaskModel model = trainer.model();
            MultiTaskModel.Exported exported = model.export();
            assertEquals(List.of("sentiment", "pos", "score"), exported.heads().stream().map(TaskHeadWeights::taskId)
                    .toList());
            assertEquals(TaskHeadWeights.Kind.TOKEN_CLASSIFICATION, exported.heads().get(1).kind());
            assertEquals(List.of("negative", "positive"), exported.heads().get(0).labels());

            var batch = Fixtures.assembler(Fixtures.threeTasks()).assemble(Fixtures.train(9, 9,
                    Fixtures.mixedExamples(1)));
            try (NDManager scratch = model.manager().newSubManager();
                 BertEncoder merged = BertEncoder.create(scratch, exported.encoder(),
                         EncoderOptions.withoutDropout(AdapterSpec.frozen()))) {
                for (TaskBatch task : batch.tasks()) {
                    TaskHead head = model.head(task.taskIndex());
                    EncodedBatch inputs = task.inputs();
                    NDArray hidden = model.encode(scratch, inputs, false);
                    NDArray mask = scratch.create(inputs.attentionMask(), inputs.shape());
                    float[] djl = head.logits(hidden, mask, false).toFloatArray();
                    float[] plain = TaskHeadReference.apply(exported.heads().get(task.taskIndex()),
                            hidden.toFloatArray(), inputs.attentionMask(), inputs.size(), inputs.length());
                    assertArrayEquals(djl, plain, 1e-5f, task.taskId());
                    float[] mergedHidden = merged.forward(scratch, inputs, false).toFloatArray();
                    assertArrayEquals(hidden.toFloatArray(), mergedHidden, 1e-4f, "merged encoder");
                }
            }
        }
    }

    @Test
    void loadingExportedHeadsRestoresThemAndRefusesAMismatch() {
        try (JobTrainer a = ResumeTest.trainer("equal", Fixtures.noDropout());
             JobTrainer b = JobTrainer.start(Fixtures.manager(), Fixtures.tinyWeights(13), "job",
                     Fixtures.threeTasks(), Fixtures.assembler(Fixtures.threeTasks()),
                     ResumeTest.withSeed(Fixtures.settings(Fixtures.noDropout(), "equal", 6), 99))) {
            a.train(Fixtures.train(0, 1, Fixtures.mixedExamples(0)));
            TaskHeadWeights sentiment = a.model().export().heads().get(0);
            b.model().head(0).load(sentiment);
            assertTrue(sentiment.dense().sameAs(b.model().head(0).export().dense()));
            assertThrows(IllegalArgumentException.class, () -> b.model().head(1).load(sentiment));
        }
    }
}
