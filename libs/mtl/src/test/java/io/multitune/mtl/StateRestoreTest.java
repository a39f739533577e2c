package io.multitune.mtl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.multitune.mtl.TaskWeighting.State;
import io.multitune.mtl.TaskWeighting.Step;
import io.multitune.mtl.TaskWeighting.StepInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A strategy restored from a checkpoint (through JSON) continues exactly like the one that kept running. */
class StateRestoreTest {

    private static final int TASKS = 3;
    private static final int WINDOW = 4;
    private static final ObjectMapper JSON = new ObjectMapper();

    static List<String> strategies() {
        return TaskWeightings.STRATEGIES;
    }

    private static TaskWeighting create(String strategy) {
        return TaskWeightings.create(strategy, Map.of(), TASKS, new double[] {1, 2, 0.5}, 17, 0.01);
    }

    /** Step s of a made-up run: losses falling at different rates, gradients turning. */
    private static double[] losses(long s) {
        return new double[] {2 * Math.exp(-0.05 * s), 1 + 0.3 * Math.sin(s), 0.5 / (1 + 0.01 * s)};
    }

    private static double[][] gradients(long s) {
        return new double[][] {
                {Math.cos(s), Math.sin(s), 1, -0.5},
                {-1, 0.5 * Math.cos(0.3 * s), 0.2, 1},
                {0.3, -1, Math.sin(0.7 * s), 0.1}};
    }

    private static List<Step> run(TaskWeighting weighting, long from, long to) {
        List<Step> steps = new ArrayList<>();
        for (long s = from; s < to; s++) {
            double[][] g = gradients(s);
            double[] norms = {Explicit.norm(g[0]), Explicit.norm(g[1]), Explicit.norm(g[2])};
            steps.add(weighting.combine(new StepInput(s, losses(s), Explicit.gram(g), norms)));
            if (weighting.needsLossesAfterUpdate()) {
                weighting.afterUpdate(losses(s + 1));
            }
            if ((s + 1) % WINDOW == 0) {
                double[] mean = new double[TASKS];
                for (long k = s + 1 - WINDOW; k <= s; k++) {
                    mean = Explicit.plus(mean, Explicit.times(1.0 / WINDOW, losses(k)));
                }
                weighting.endOfWindow(mean);
            }
        }
        return steps;
    }

    @ParameterizedTest
    @MethodSource("strategies")
    void restoredStrategyContinuesIdentically(String strategy) throws Exception {
        TaskWeighting original = create(strategy);
        run(original, 0, 13);
        State saved = original.state();
        assertEquals(strategy, saved.strategy());

        State reread = JSON.readValue(JSON.writeValueAsString(saved), State.class);
        TaskWeighting restored = create(strategy);
        restored.restore(reread);

        List<Step> expected = run(original, 13, 30);
        List<Step> actual = run(restored, 13, 30);
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i).coefficients(), actual.get(i).coefficients(), "step " + (13 + i));
            assertArrayEquals(expected.get(i).weights(), actual.get(i).weights(), "step " + (13 + i));
            assertEquals(expected.get(i).combinedLoss(), actual.get(i).combinedLoss(), "step " + (13 + i));
        }
    }

    @ParameterizedTest
    @MethodSource("strategies")
    void stateOfAnotherStrategyIsRefused(String strategy) {
        String other = strategy.equals("equal") ? "famo" : "equal";
        assertThrows(IllegalArgumentException.class, () -> create(strategy).restore(create(other).state()));
    }
}
