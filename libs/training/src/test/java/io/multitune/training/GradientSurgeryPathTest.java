package io.multitune.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import io.multitune.events.RunPlanned.TaskPlan;
import io.multitune.mtl.TaskWeighting;
import io.multitune.mtl.TaskWeightings;
import io.multitune.training.batch.AssembledBatch;
import io.multitune.training.batch.TaskBatch;
import io.multitune.training.heads.TaskHead;
import io.multitune.training.optim.AdamW;
import io.multitune.training.optim.AdamWSettings;
import io.multitune.training.optim.LearningRateSchedule;
import io.multitune.training.optim.ParameterUpdate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The per-task gradient path against a direct computation: per-task gradients read to the host, the Gram matrix
 * and Σ c_i g_i in double precision, the same strategy's coefficients, the same AdamW. The AdamW here has ε = 1
 * and learning rate 1, so that its first update g / (|g| + 1) is smooth in g: float rounding differences between
 * the two computations stay of their own size instead of being amplified to ±lr by Adam's sign-like first step.
 */
class GradientSurgeryPathTest {

    private static final AdamWSettings SMOOTH = new AdamWSettings(0.9, 0.999, 1.0, 0.0, 0.0);
    private static final long STEP = 5;

    @ParameterizedTest
    @ValueSource(strings = {"pcgrad", "cagrad", "gradnorm"})
    void devicePathEqualsTheDirectComputation(String strategy) {
        List<TaskPlan> tasks = Fixtures.threeTasks();
        AssembledBatch batch = Fixtures.assembler(tasks).assemble(Fixtures.train(0, STEP, Fixtures.mixedExamples(0)));
        boolean[] all = {true, true, true};
        try (MultiTaskModel viaStep = model(tasks); MultiTaskModel direct = model(tasks);
             AdamW stepOptimizer = new AdamW(viaStep.manager(), SMOOTH, LearningRateSchedule.constant(1.0));
             AdamW directOptimizer = new AdamW(direct.manager(), SMOOTH, LearningRateSchedule.constant(1.0))) {
            TrainingStep step = new TrainingStep(viaStep, stepOptimizer, weighting(strategy), 99, Map.of());
            StepResult result = step.run(batch, STEP, all, true);
            assertTrue(result.perTaskPath());

            double[] coefficients = applyDirectly(direct, directOptimizer, batch, weighting(strategy));
            assertArrayEquals(coefficients, result.coefficients(), 1e-9, "coefficients");
            List<Parameter> a = viaStep.trainableParameters();
            List<Parameter> b = direct.trainableParameters();
            double largestChange = 0;
            for (int k = 0; k < a.size(); k++) {
                float[] x = a.get(k).getArray().toFloatArray();
                float[] y = b.get(k).getArray().toFloatArray();
                assertArrayEquals(y, x, 1e-7f, a.get(k).getName());
            }
            for (Parameter p : b) {
                largestChange = Math.max(largestChange, p.getArray().abs().max().getFloat());
            }
            assertTrue(largestChange > 0);
            assertEquals(3, result.conflicts().length);
            System.out.println(strategy + " coefficients " + java.util.Arrays.toString(coefficients));
        }
    }

    private static TaskWeighting weighting(String strategy) {
        return TaskWeightings.create(strategy, null, 3, null, 1234L, 1e-3);
    }

    private static MultiTaskModel model(List<TaskPlan> tasks) {
        // No dropout anywhere, the LoRA branch's included: the direct computation does not replay the step's masks.
        return MultiTaskModel.create(Fixtures.manager(), Fixtures.tinyWeights(21), Fixtures.noDropout(), tasks, 5);
    }

    /** Per-task gradients on the host, c from the strategy, Σ c_i g_i in double, one AdamW step. */
    private static double[] applyDirectly(MultiTaskModel model, AdamW optimizer, AssembledBatch batch,
                                          TaskWeighting weighting) {
        List<Parameter> parameters = model.trainableParameters();
        int tasks = model.tasks();
        double[][] gradients = new double[tasks][];
        double[] losses = new double[tasks];
        double[] sharedNorms = new double[tasks];
        List<String> shared = model.sharedLayer().stream().map(Parameter::getName).toList();
        for (int i = 0; i < tasks; i++) {
            TaskBatch task = batch.task(i).orElseThrow();
            try (NDManager scratch = model.manager().newSubManager()) {
                try (GradientCollector collector = scratch.getEngine().newGradientCollector()) {
                    NDArray hidden = model.encoder().forward(scratch, task.inputs(), true);
                    NDArray mask = scratch.create(task.inputs().attentionMask(), task.inputs().shape());
                    TaskHead head = model.head(i);
                    NDArray loss = head.loss(head.logits(hidden, mask, true), mask, task.targets()).mean();
                    losses[i] = loss.getFloat();
                    collector.backward(loss);
                }
                List<Double> flat = new ArrayList<>();
                double sharedSquares = 0;
                for (Parameter p : parameters) {
                    try (NDArray g = p.getArray().getGradient()) {
                        for (float value : g.toFloatArray()) {
                            flat.add((double) value);
                            sharedSquares += shared.contains(p.getName()) ? (double) value * value : 0;
                        }
                    }
                }
                gradients[i] = flat.stream().mapToDouble(Double::doubleValue).toArray();
                sharedNorms[i] = Math.sqrt(sharedSquares);
                model.zeroGradients();
            }
        }
        double[][] gram = new double[tasks][tasks];
        for (int i = 0; i < tasks; i++) {
            for (int j = 0; j < tasks; j++) {
                for (int k = 0; k < gradients[i].length; k++) {
                    gram[i][j] += gradients[i][k] * gradients[j][k];
                }
            }
        }
        TaskWeighting.Step answer = weighting.combine(new TaskWeighting.StepInput(STEP, losses,
                weighting.needsGradients() ? gram : null, weighting.needsSharedLayerNorms() ? sharedNorms : null));
        double[] c = answer.coefficients();
        try (NDManager scratch = model.manager().newSubManager()) {
            List<ParameterUpdate> updates = new ArrayList<>();
            int offset = 0;
            for (Parameter p : parameters) {
                int n = (int) p.getArray().size();
                float[] combined = new float[n];
                for (int k = 0; k < n; k++) {
                    double sum = 0;
                    for (int i = 0; i < tasks; i++) {
                        sum += c[i] * gradients[i][offset + k];
                    }
                    combined[k] = (float) sum;
                }
                offset += n;
                updates.add(new ParameterUpdate(p.getName(), p.getArray(),
                        scratch.create(combined, p.getArray().getShape()), p.getArray().getShape().dimension() >= 2, 0));
            }
            optimizer.step(updates);
        }
        return c;
    }
}
