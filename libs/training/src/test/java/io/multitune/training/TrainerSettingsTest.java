package io.multitune.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.multitune.encoder.model.AdapterSpec;
import io.multitune.encoder.model.LoraTarget;
import io.multitune.events.RunPlanned.JobKind;
import io.multitune.events.RunPlanned.JobPlan;
import io.multitune.events.RunRequest;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TrainerSettingsTest {

    private static final JobPlan JOB = new JobPlan("job-0", JobKind.MULTI_TASK,
            List.of(Fixtures.sentiment(), Fixtures.pos()), 120, 16, 3, "digest");

    @Test
    void appliesTheRequestsDefaults() {
        RunRequest request = new RunRequest(1, "run", List.of(RunRequest.TaskRef.of("sentiment")), null, null, null,
                null, null, null, null, null, null, null, null);
        TrainerSettings s = TrainerSettings.from(request, JOB);
        assertEquals(AdapterSpec.lora(8, 16f, 0.1f, LoraTarget.QUERY, LoraTarget.VALUE), s.encoder().adapter());
        assertEquals(5e-4, s.learningRate());
        assertEquals(3, s.patience());
        assertEquals(42L, s.seed());
        assertEquals("equal", s.strategy());
        assertEquals(120, s.totalSteps());
        assertEquals(12, s.schedule().warmupSteps());
        assertEquals(50, s.windowSteps());
    }

    @Test
    void readsAdapterWeightingAndStaticWeights() {
        RunRequest request = new RunRequest(1, "run", List.of(
                RunRequest.TaskRef.create("sentiment-data", null, 2.0), RunRequest.TaskRef.create("pos", null, 0.5)),
                null, new RunRequest.Adapter("full", null, null, null, null, null),
                new RunRequest.Weighting("static", Map.of()), null, null, null,
                new RunRequest.Validation(10L, null, 5, null), 7L, null, null, null);
        TrainerSettings s = TrainerSettings.from(request, JOB);
        assertEquals(AdapterSpec.full(), s.encoder().adapter());
        assertEquals(5e-5, s.learningRate());
        assertEquals(5, s.patience());
        assertArrayEquals(new double[] {2.0, 0.5}, s.staticWeights());
        assertEquals(10, s.windowSteps());
        AdapterSpec.Lora lora = (AdapterSpec.Lora) TrainerSettings.adapter(new RunRequest.Adapter("lora", 4, 8.0, 0.0,
                List.of("key", "ffn"), null));
        assertEquals(Set.of(LoraTarget.KEY, LoraTarget.FFN), lora.targets());
        assertThrows(IllegalArgumentException.class, () -> TrainerSettings.adapter(new RunRequest.Adapter("prefix",
                null, null, null, null, null)));
    }
}
