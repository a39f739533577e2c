package io.multitune.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import io.multitune.mtl.GradientConflict;
import io.multitune.mtl.TaskWeighting;
import io.multitune.training.batch.AssembledBatch;
import io.multitune.training.batch.TaskBatch;
import io.multitune.training.heads.GraphScalars;
import io.multitune.training.heads.TaskHead;
import io.multitune.training.optim.AdamW;
import io.multitune.training.optim.ParameterUpdate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One optimiser step on one batch, by one of two paths.
 * <ul>
 *   <li><b>Loss weighting</b> (equal, static, uncertainty, DWA, FAMO): one forward of the whole batch through the
 *       encoder, each head on its own rows; the losses go to the host (T scalars), the strategy answers c, and one
 *       backward of Σ c_i L_i gives d = Σ c_i g_i directly.</li>
 *   <li><b>Per-task gradients</b> (PCGrad, CAGrad, GradNorm, and any strategy on a conflict-telemetry step): a
 *       forward and backward per task, see {@link PerTaskGradients}; c from the losses and the Gram matrix (or the
 *       shared-layer norms), d = Σ c_i g_i formed on the device.</li>
 * </ul>
 * Then AdamW applies d. A task that does not pull — early-stopped, or without rows in this batch — has coefficient
 * 0; the strategy still sees T losses, the task's last observed loss standing in for it (or, before it has been
 * seen, the mean of this step's losses), so that learned weights are not pushed by a loss of 0. FAMO's after-update
 * losses are one more forward of the same rows with the same dropout masks (the engine is re-seeded).
 * <p>
 * The engine allows one gradient collector at a time per JVM, so steps of every job in a JVM are serialised on one
 * lock; each step seeds the engine's generator from (seed, step) inside it.
 */
public final class TrainingStep {

    private static final Object ENGINE_LOCK = new Object();

    private final MultiTaskModel model;
    private final AdamW optimizer;
    private final TaskWeighting weighting;
    private final long seed;
    private final Map<String, Double> headL2;
    private final LastLosses lastLosses;

    /** @param headL2 per task id, the extra L2 on its head's weight matrix (absent: none) */
    public TrainingStep(MultiTaskModel model, AdamW optimizer, TaskWeighting weighting, long seed,
                        Map<String, Double> headL2) {
        if (weighting.tasks() != model.tasks()) {
            throw new IllegalArgumentException("weighting for " + weighting.tasks() + " tasks, model has "
                    + model.tasks());
        }
        if (weighting.needsSharedLayerNorms() && model.sharedLayer().isEmpty()) {
            throw new IllegalArgumentException("weighting '" + weighting.name() + "' balances gradient norms on a "
                    + "shared encoder layer, but this encoder trains none (frozen)");
        }
        this.model = model;
        this.optimizer = optimizer;
        this.weighting = weighting;
        this.seed = seed;
        this.headL2 = Map.copyOf(headL2);
        this.lastLosses = new LastLosses(model.tasks());
    }

    /** Whether a step takes the per-task path even without a telemetry request. */
    public boolean needsPerTaskGradients() {
        return weighting.needsGradients() || weighting.needsSharedLayerNorms();
    }

    /**
     * @param batch            the assembled batch
     * @param step             the step number (seeds dropout; PCGrad's task order)
     * @param pulling          per task: not early-stopped
     * @param measureConflicts compute the gradient-conflict cosines (takes the per-task path)
     */
    public StepResult run(AssembledBatch batch, long step, boolean[] pulling, boolean measureConflicts) {
        synchronized (ENGINE_LOCK) {
            long start = System.nanoTime();
            boolean[] active = new boolean[model.tasks()];
            int examples = 0;
            for (int i = 0; i < active.length; i++) {
                int rows = batch.task(i).map(TaskBatch::size).orElse(0);
                active[i] = pulling[i] && rows > 0;
                examples += active[i] ? rows : 0;
            }
            boolean perTask = needsPerTaskGradients() || measureConflicts;
            if (examples == 0) {
                double[] none = new double[model.tasks()];
                Arrays.fill(none, Double.NaN);
                return new StepResult(step, none, new double[model.tasks()], new double[model.tasks()], Double.NaN,
                        null, null, 0, perTask, seconds(start));
            }
            EngineSeeds.seed(model.manager().getEngine(), seed, step);
            try (NDManager scratch = model.manager().newSubManager()) {
                StepResult result = perTask
                        ? perTaskStep(scratch, batch, step, active, measureConflicts, examples)
                        : weightedLossStep(scratch, batch, step, active, examples);
                if (weighting.needsLossesAfterUpdate()) {
                    EngineSeeds.seed(model.manager().getEngine(), seed, step);
                    double[] after = lossesAfterUpdate(scratch, batch, active, perTask);
                    weighting.afterUpdate(lastLosses.forWeighting(after, active));
                }
                lastLosses.remember(result.losses(), active);
                return result.withSeconds(seconds(start));
            }
        }
    }

    private StepResult weightedLossStep(NDManager scratch, AssembledBatch batch, long step, boolean[] active,
                                        int examples) {
        double[] losses = nans();
        TaskWeighting.Step answer;
        double[] coefficients;
        try (GradientCollector collector = scratch.getEngine().newGradientCollector()) {
            NDArray[] taskLosses = TaskLosses.joined(model, scratch, batch, active, true);
            for (int i = 0; i < losses.length; i++) {
                losses[i] = taskLosses[i] == null ? Double.NaN : finite(taskLosses[i].getFloat(), i, step);
            }
            answer = weighting.combine(new TaskWeighting.StepInput(step, lastLosses.forWeighting(losses, active)));
            coefficients = pullingOnly(answer.coefficients(), active);
            NDArray objective = null;
            for (int i = 0; i < losses.length; i++) {
                if (active[i]) {
                    NDArray term = GraphScalars.times(taskLosses[i], (float) coefficients[i]);
                    objective = objective == null ? term : objective.add(term);
                }
            }
            collector.backward(objective);
        }
        List<NDArray> gradients = new ArrayList<>();
        for (Parameter p : model.trainableParameters()) {
            NDArray gradient = p.getArray().getGradient();
            gradient.attach(scratch);
            gradients.add(gradient);
        }
        AdamW.Report report;
        try {
            report = optimizer.step(updates(gradients, active));
        } finally {
            model.zeroGradients(); // also when the step is refused: a later step must not add onto these
        }
        return new StepResult(step, losses, coefficients, answer.weights(), answer.combinedLoss(), report, null,
                examples, false, 0);
    }

    private StepResult perTaskStep(NDManager scratch, AssembledBatch batch, long step, boolean[] active,
                                   boolean measureConflicts, int examples) {
        PerTaskGradients gradients = PerTaskGradients.compute(model, scratch, batch, active);
        double[] losses = gradients.losses();
        double[][] gram = weighting.needsGradients() || measureConflicts ? gradients.gram() : null;
        TaskWeighting.StepInput input = new TaskWeighting.StepInput(step, lastLosses.forWeighting(losses, active),
                weighting.needsGradients() ? gram : null,
                weighting.needsSharedLayerNorms() ? gradients.sharedLayerNorms() : null);
        TaskWeighting.Step answer = weighting.combine(input);
        double[] coefficients = pullingOnly(answer.coefficients(), active);
        AdamW.Report report = optimizer.step(updates(gradients.combine(coefficients), active));
        double[][] conflicts = measureConflicts ? GradientConflict.cosines(gram) : null;
        return new StepResult(step, losses, coefficients, answer.weights(), answer.combinedLoss(), report, conflicts,
                examples, true, 0);
    }

    /** The same rows' losses under the updated parameters, by the same path, without a graph. */
    private double[] lossesAfterUpdate(NDManager scratch, AssembledBatch batch, boolean[] active, boolean perTask) {
        double[] after = nans();
        if (perTask) {
            for (int i = 0; i < after.length; i++) {
                if (active[i]) {
                    after[i] = TaskLosses.single(model, scratch, batch.task(i).orElseThrow(), true).getFloat();
                }
            }
        } else {
            NDArray[] losses = TaskLosses.joined(model, scratch, batch, active, true);
            for (int i = 0; i < after.length; i++) {
                after[i] = losses[i] == null ? Double.NaN : losses[i].getFloat();
            }
        }
        return after;
    }

    /**
     * The parameters this step updates with their gradients: every encoder parameter, and the heads of the tasks
     * that pulled. A head whose task did not pull is left out entirely, as PyTorch's optimisers skip parameters
     * without a gradient: no momentum drift and no weight decay on a head that has stopped or had no rows.
     */
    private List<ParameterUpdate> updates(List<NDArray> gradients, boolean[] active) {
        Map<Parameter, Integer> headOf = new HashMap<>();
        for (int i = 0; i < model.tasks(); i++) {
            for (Parameter p : model.head(i).parameters()) {
                headOf.put(p, i);
            }
        }
        List<Parameter> parameters = model.trainableParameters();
        List<ParameterUpdate> updates = new ArrayList<>(parameters.size());
        for (int k = 0; k < parameters.size(); k++) {
            Parameter p = parameters.get(k);
            Integer task = headOf.get(p);
            if (task != null && !active[task]) {
                continue;
            }
            TaskHead head = task == null ? null : model.head(task);
            double l2 = head != null && p == head.weight() ? headL2.getOrDefault(head.taskId(), 0.0) : 0.0;
            boolean matrix = p.getArray().getShape().dimension() >= 2;
            updates.add(new ParameterUpdate(p.getName(), p.getArray(), gradients.get(k), matrix, l2));
        }
        return updates;
    }

    /** A non-finite loss fails the step before it reaches the strategy's state or the gradients. */
    private double finite(float loss, int task, long step) {
        if (!Float.isFinite(loss)) {
            throw new IllegalStateException("the training loss of task '" + model.head(task).taskId() + "' is "
                    + loss + " at step " + step);
        }
        return loss;
    }

    private static double[] pullingOnly(double[] coefficients, boolean[] active) {
        double[] c = coefficients.clone();
        for (int i = 0; i < c.length; i++) {
            c[i] = active[i] ? c[i] : 0;
        }
        return c;
    }

    /** Each task's last observed training loss (NaN before it was seen): part of a checkpoint. */
    public double[] lastLosses() {
        return lastLosses.values();
    }

    public void restoreLastLosses(double[] losses) {
        lastLosses.restore(losses);
    }

    public TaskWeighting weighting() {
        return weighting;
    }

    public AdamW optimizer() {
        return optimizer;
    }

    private double[] nans() {
        double[] a = new double[model.tasks()];
        Arrays.fill(a, Double.NaN);
        return a;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
