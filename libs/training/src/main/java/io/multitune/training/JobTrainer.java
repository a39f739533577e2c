package io.multitune.training;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import io.multitune.encoder.weights.BertWeights;
import io.multitune.encoder.weights.WeightTensor;
import io.multitune.events.RunPlanned.TaskPlan;
import io.multitune.events.TrainingBatch;
import io.multitune.mtl.TaskWeighting;
import io.multitune.mtl.TaskWeightings;
import io.multitune.training.batch.BatchAssembler;
import io.multitune.training.eval.EarlyStopping;
import io.multitune.training.eval.TaskValidation;
import io.multitune.training.heads.Heads;
import io.multitune.training.optim.AdamW;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One job's training, fed batch by batch: the model, its AdamW, the weighting strategy, early stopping, loss
 * windows and telemetry, and the position in the job's batch stream. Batches at or before the last applied
 * sequence are skipped, so a resumed job can be fed from its checkpoint's position (or a little before) without
 * applying a batch twice. Not thread-safe: one consumer drives one job.
 */
public final class JobTrainer implements AutoCloseable {

    private final String jobId;
    private final List<TaskPlan> tasks;
    private final TrainerSettings settings;
    private final BatchAssembler assembler;
    private final MultiTaskModel model;
    private final AdamW optimizer;
    private final TrainingStep trainingStep;
    private final EarlyStopping earlyStopping;
    private final LossWindow window;
    private final TelemetryWindow telemetry;
    private long step;
    private long lastAppliedSequence = -1;

    private JobTrainer(String jobId, List<TaskPlan> tasks, TrainerSettings settings, BatchAssembler assembler,
                       MultiTaskModel model) {
        this.jobId = jobId;
        this.tasks = List.copyOf(tasks);
        this.settings = settings;
        this.assembler = assembler;
        this.model = model;
        this.optimizer = new AdamW(model.manager(), settings.adamW(), settings.schedule());
        TaskWeighting weighting = TaskWeightings.create(settings.strategy(), settings.strategyParams(), tasks.size(),
                settings.staticWeights(), settings.seed(), settings.learningRate());
        this.trainingStep = new TrainingStep(model, optimizer, weighting, settings.seed(), settings.headL2());
        List<String> ids = taskIds();
        this.earlyStopping = new EarlyStopping(ids, settings.patience());
        this.window = new LossWindow(tasks.size(), settings.windowSteps());
        this.telemetry = new TelemetryWindow(ids);
    }

    /**
     * Starts a job from pretrained weights: fresh adapters and heads from the settings' seed.
     *
     * @param assembler the job's batch assembler (its tasks must be {@code tasks}, in the same order)
     */
    public static JobTrainer start(NDManager parent, BertWeights base, String jobId, List<TaskPlan> tasks,
                                   BatchAssembler assembler, TrainerSettings settings) {
        if (!assembler.tasks().equals(tasks)) {
            throw new IllegalArgumentException("the assembler was built for other tasks than the job's");
        }
        MultiTaskModel model = MultiTaskModel.create(parent, base, settings.encoder(), tasks, settings.seed());
        try {
            return new JobTrainer(jobId, tasks, settings, assembler, model);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** Trains on one TRAIN batch; a telemetry record when this step completes a telemetry window. */
    public Optional<TrainingTelemetry> train(TrainingBatch batch) {
        if (batch.kind() != TrainingBatch.Kind.TRAIN) {
            throw new IllegalArgumentException("batch " + batch.sequence() + " is a " + batch.kind() + " batch");
        }
        if (batch.sequence() <= lastAppliedSequence) {
            return Optional.empty();
        }
        long number = batch.step() > 0 ? batch.step() : step + 1;
        boolean conflicts = settings.conflictsEvery() > 0 && number % settings.conflictsEvery() == 0;
        StepResult result = trainingStep.run(assembler.assemble(batch), number, earlyStopping.active(), conflicts);
        step = number;
        lastAppliedSequence = batch.sequence();
        double[] means = window.add(result.losses(), trainingStep.lastLosses());
        if (means != null) {
            trainingStep.weighting().endOfWindow(means);
        }
        telemetry.add(result);
        if (number % settings.telemetryEvery() == 0) {
            return Optional.ofNullable(telemetry.drain(jobId, earlyStopping.active()));
        }
        return Optional.empty();
    }

    /**
     * Scores one validation round (all its batches) and updates early stopping; the results carry, per task,
     * whether it has stopped by {@link #stopped(int)}.
     */
    public List<TaskValidation> validate(List<TrainingBatch> round) {
        Validation validation = new Validation(model);
        long last = lastAppliedSequence;
        for (TrainingBatch batch : round) {
            if (batch.kind() != TrainingBatch.Kind.VALIDATION) {
                throw new IllegalArgumentException("batch " + batch.sequence() + " is a " + batch.kind() + " batch");
            }
            validation.add(assembler.assemble(batch));
            last = Math.max(last, batch.sequence());
        }
        List<TaskValidation> results = validation.results();
        earlyStopping.update(results);
        lastAppliedSequence = last;
        return results;
    }

    public boolean stopped(int task) {
        return earlyStopping.stopped(task);
    }

    /** Every task has stopped improving: the job is done. */
    public boolean finished() {
        return earlyStopping.allStopped();
    }

    public long step() {
        return step;
    }

    public long lastAppliedSequence() {
        return lastAppliedSequence;
    }

    public MultiTaskModel model() {
        return model;
    }

    public List<String> taskIds() {
        return tasks.stream().map(TaskPlan::taskId).toList();
    }

    /** The job's state as a checkpoint. */
    public TrainingState state() {
        Map<String, WeightTensor> parameters = new LinkedHashMap<>();
        for (Parameter p : model.trainableParameters()) {
            parameters.put(p.getName(), new WeightTensor(p.getArray().getShape().getShape(),
                    p.getArray().toFloatArray()));
        }
        return new TrainingState(jobId, taskIds(), trainingStep.weighting().name(), settings.seed(), step,
                lastAppliedSequence, parameters, optimizer.state(), trainingStep.weighting().state(),
                earlyStopping.state(), trainingStep.lastLosses(), window.state());
    }

    public void checkpoint(Path directory) throws IOException {
        state().write(directory);
    }

    /** Continues from a checkpoint of the same job setup (same tasks, strategy, seed and trainable parameters). */
    public void restore(TrainingState state) {
        if (!state.taskIds().equals(taskIds()) || !state.strategy().equals(trainingStep.weighting().name())
                || state.seed() != settings.seed()) {
            throw new IllegalArgumentException("checkpoint of job " + state.jobId() + " (tasks " + state.taskIds()
                    + ", " + state.strategy() + ", seed " + state.seed() + ") does not fit this job (tasks "
                    + taskIds() + ", " + trainingStep.weighting().name() + ", seed " + settings.seed() + ")");
        }
        List<Parameter> parameters = model.trainableParameters();
        if (!state.parameters().keySet().equals(
                new HashSet<>(parameters.stream().map(Parameter::getName).toList()))) {
            throw new IllegalArgumentException("checkpoint's trainable parameters differ from the model's "
                    + "(another adapter configuration?)");
        }
        for (Parameter p : parameters) {
            Heads.setValues(p, state.parameters().get(p.getName()));
        }
        optimizer.restore(state.optimizer());
        trainingStep.weighting().restore(state.weighting());
        earlyStopping.restore(state.earlyStopping());
        trainingStep.restoreLastLosses(state.lastLosses());
        window.restore(state.window());
        step = state.step();
        lastAppliedSequence = state.lastAppliedSequence();
    }

    @Override
    public void close() {
        optimizer.close();
        model.close();
    }
}
