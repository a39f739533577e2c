package io.multitune.mtl;

import static io.multitune.mtl.Explicit.assertVector;
import static io.multitune.mtl.Explicit.v;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.multitune.mtl.TaskWeighting.StepInput;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskWeightingsTest {

    private static TaskWeighting create(String strategy, Map<String, Double> params) {
        return TaskWeightings.create(strategy, params, 2, null, 1, 1e-3);
    }

    @Test
    void everyStrategyNameCreatesThatStrategy() {
        for (String name : TaskWeightings.STRATEGIES) {
            TaskWeighting weighting = TaskWeightings.create(name, null, 2, v(1, 1), 1, 1e-3);
            assertEquals(name, weighting.name());
            assertEquals(2, weighting.tasks());
        }
        assertEquals(List.of("equal", "static", "uncertainty", "dwa", "gradnorm", "pcgrad", "cagrad", "famo"),
                TaskWeightings.STRATEGIES);
    }

    @Test
    void onlySurgeryNeedsGradientsAndOnlyGradNormNeedsNorms() {
        for (String name : TaskWeightings.STRATEGIES) {
            TaskWeighting weighting = TaskWeightings.create(name, Map.of(), 2, v(1, 1), 1, 1e-3);
            assertEquals(name.equals("pcgrad") || name.equals("cagrad"), weighting.needsGradients(), name);
            assertEquals(name.equals("gradnorm"), weighting.needsSharedLayerNorms(), name);
            assertEquals(name.equals("famo"), weighting.needsLossesAfterUpdate(), name);
        }
    }

    @Test
    void parametersReachTheStrategy() {
        TaskWeighting dwa = create("dwa", Map.of("temperature", 1.0));
        dwa.endOfWindow(v(1, 1));
        dwa.endOfWindow(v(0.5, 1));
        double w1 = 2 / (1 + Math.exp(0.5)); // τ = 1: softmax of (0.5, 1)
        assertVector(v(w1, 2 - w1), dwa.combine(new StepInput(0, v(1, 1))).weights());

        TaskWeighting cagrad = create("cagrad", Map.of("c", 0.0));
        double[][] gram = {{1, -0.5}, {-0.5, 2}};
        assertVector(v(0.5, 0.5), cagrad.combine(new StepInput(0, v(1, 1), gram, null)).coefficients());
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        TaskWeighting dwa = create("dwa", Map.of());
        dwa.endOfWindow(v(1, 1));
        dwa.endOfWindow(v(0.5, 1));
        double w1 = 2 / (1 + Math.exp(0.25)); // τ = 2
        assertVector(v(w1, 2 - w1), dwa.combine(new StepInput(0, v(1, 1))).weights());

        TaskWeighting cagrad = create("cagrad", Map.of());
        double[][] gram = {{1, 1}, {1, 1}}; // identical gradients: d = g (1 + c) / (1 + c²)
        double[] c = cagrad.combine(new StepInput(0, v(1, 1), gram, null)).coefficients();
        assertEquals(1.4 / 1.16, c[0] + c[1], 1e-9);
    }

    @Test
    void badRequestsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> create("sum", Map.of()));
        assertThrows(IllegalArgumentException.class, () -> create(null, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> create("dwa", Map.of("temprature", 2.0)));
        assertThrows(IllegalArgumentException.class, () -> create("equal", Map.of("alpha", 1.0)));
        assertThrows(IllegalArgumentException.class, () -> create("static", Map.of())); // no weights
        assertThrows(IllegalArgumentException.class, () -> create("cagrad", Map.of("c", 1.0)));
        assertThrows(IllegalArgumentException.class, () -> create("famo", Map.of("gamma", -0.1)));
        assertThrows(IllegalArgumentException.class, () -> create("gradnorm", Map.of("learningRate", 0.0)));
        Map<String, Double> nullValue = new HashMap<>();
        nullValue.put("temperature", null);
        assertThrows(IllegalArgumentException.class, () -> create("dwa", nullValue));
    }
}
