package io.multitune.cli.bench;

import ai.djl.ndarray.NDManager;
import io.multitune.encoder.model.AdapterSpec;
import io.multitune.encoder.model.EncoderOptions;
import io.multitune.encoder.weights.BertWeights;
import io.multitune.events.RunPlanned.TaskPlan;
import io.multitune.mtl.TaskWeightings;
import io.multitune.training.MultiTaskModel;
import io.multitune.training.TrainingStep;
import io.multitune.training.batch.AssembledBatch;
import io.multitune.training.optim.AdamW;
import io.multitune.training.optim.AdamWSettings;
import io.multitune.training.optim.LearningRateSchedule;
import java.util.List;
import java.util.Map;

/** One model of {@code bench trainer} with its optimiser and weighting, stepping the same batch over and over. */
final class BenchModel implements AutoCloseable {
    private final MultiTaskModel model;
    private final AdamW optimizer;
    private final TrainingStep trainingStep;
    private long step;

    private BenchModel(NDManager manager, BertWeights base, AdapterSpec adapter, List<TaskPlan> tasks,
                       String strategy, double learningRate) {
        this.model = MultiTaskModel.create(manager, base, EncoderOptions.of(adapter), tasks, 1);
        try {
            this.optimizer = new AdamW(model.manager(), AdamWSettings.DEFAULTS,
                    LearningRateSchedule.constant(learningRate));
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
        try {
            this.trainingStep = new TrainingStep(model, optimizer,
                    TaskWeightings.create(strategy, null, tasks.size(), null, 1, learningRate), 1, Map.of());
        } catch (RuntimeException e) {
            optimizer.close();
            model.close();
            throw e;
        }
    }

    /** A LoRA model trained with the named weighting strategy. */
    static BenchModel lora(NDManager manager, BertWeights base, AdapterSpec lora, List<TaskPlan> tasks,
                           String strategy) {
        return new BenchModel(manager, base, lora, tasks, strategy, TrainerBench.LORA_LR);
    }

    /** A fully fine-tuned model with equal weighting. */
    static BenchModel full(NDManager manager, BertWeights base, List<TaskPlan> tasks) {
        return new BenchModel(manager, base, AdapterSpec.full(), tasks, "equal", TrainerBench.FULL_LR);
    }

    /** One whole optimiser step (forward, backward, update) on the batch, as a timed action. */
    Runnable step(AssembledBatch batch, boolean[] pulling) {
        return () -> trainingStep.run(batch, ++step, pulling, false);
    }

    @Override
    public void close() {
        optimizer.close();
        model.close();
    }
}
