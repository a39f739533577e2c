package io.multitune.sampling.plan;

import static io.multitune.sampling.plan.Fixtures.pool;
import static io.multitune.sampling.plan.Fixtures.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.multitune.events.RunPlanned;
import io.multitune.events.RunPlanned.JobKind;
import io.multitune.events.RunPlanned.JobPlan;
import io.multitune.events.RunPlanned.TaskPlan;
import io.multitune.events.RunRequest;
import io.multitune.sampling.pool.TaskPool;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunPlannerTest {

    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");
    private static final List<TaskPool> POOLS = List.of(pool("x", 100, 40), pool("y", 300, 500), pool("z", 600, 3));

    private static long[] planned(JobPlan job) {
        return job.tasks().stream().mapToLong(TaskPlan::plannedExamples).toArray();
    }

    @Test
    void plansOneMultiTaskJobAndOneBaselinePerTask() {
        RunRequest effective = request("x", "y", "z").strategy("proportional").build();
        RunPlanned plan = RunPlanner.plan(effective, POOLS, NOW);
        assertEquals(List.of("run1.mtl", "run1.stl.x", "run1.stl.y", "run1.stl.z"),
                plan.jobs().stream().map(JobPlan::jobId).toList());
        assertEquals(List.of(JobKind.MULTI_TASK, JobKind.BASELINE, JobKind.BASELINE, JobKind.BASELINE),
                plan.jobs().stream().map(JobPlan::kind).toList());
        assertSame(effective, plan.request());
        assertEquals("run1", plan.runId());
        assertEquals(NOW, plan.plannedAt());
        assertEquals(1, RunPlanner.plan(request("x", "y", "z").baselines(false).build(), POOLS, NOW).jobs().size());
    }

    @Test
    void stepsBudgetSharesTheSlotsByLargestRemainder() {
        // 100 steps x 16 = 1600 slots; proportional 0.1 / 0.3 / 0.6 -> 160 / 480 / 960
        JobPlan mtl = RunPlanner.plan(request("x", "y", "z").strategy("proportional").build(), POOLS, NOW).jobs().get(0);
        assertEquals(100, mtl.steps());
        assertEquals(16, mtl.batchSize());
        assertEquals(List.of(160L, 480L, 960L), List.of(planned(mtl)[0], planned(mtl)[1], planned(mtl)[2]));
        TaskPlan y = mtl.tasks().get(1);
        assertEquals(0.3, y.proportion(), 1e-12);
        assertEquals(300, y.poolExamples());
        assertEquals(1.6, y.passes(), 1e-12);
        assertEquals(256, y.validationExamples()); // min(256, 500)
        assertEquals(3, mtl.tasks().get(2).validationExamples()); // min(256, 3)
        assertEquals(List.of("a", "b"), y.labels());
        assertEquals(List.of("ds-y"), y.datasets());

        // uniform over 1600 slots: 533.33 each, the leftover unit goes to the first task
        JobPlan uniform = RunPlanner.plan(request("x", "y", "z").strategy("uniform").build(), POOLS, NOW).jobs().get(0);
        assertEquals(List.of(534L, 533L, 533L),
                List.of(planned(uniform)[0], planned(uniform)[1], planned(uniform)[2]));
    }

    @Test
    void epochsBudgetCoversTheCappedExamples() {
        // 1 epoch over 100 + 300 + 600 = 1000 examples, B = 16: ceil(62.5) = 63 steps
        assertEquals(63, mtl(request("x", "y", "z").epochs(1.0).build()).steps());
        // cap 200: 100 + 200 + 200 = 500; 2.5 epochs = 1250 examples, 79 steps
        assertEquals(79, mtl(request("x", "y", "z").epochs(2.5).cap(200L).build()).steps());
        // 0.1 epoch over 1000 = exactly 100 examples (decimal, not binary 0.1), B = 25: 4 steps
        assertEquals(4, mtl(request("x", "y", "z").epochs(0.1).batchSize(25).build()).steps());
    }

    @Test
    void homogeneousModeSharesWholeBatches() {
        // 10 steps, proportional: 1 / 3 / 6 batches of 16
        JobPlan mtl = mtl(request("x", "y", "z").strategy("proportional").homogeneous().steps(10).build());
        assertEquals(List.of(16L, 48L, 96L), List.of(planned(mtl)[0], planned(mtl)[1], planned(mtl)[2]));
    }

    @Test
    void eachBaselineGetsTheMultiTaskBudgetOfItsTask() {
        RunPlanned plan = RunPlanner.plan(request("x", "y", "z").steps(37).batchSize(10).build(), POOLS, NOW);
        JobPlan mtl = plan.jobs().get(0);
        long total = 0;
        for (int i = 0; i < 3; i++) {
            TaskPlan inMtl = mtl.tasks().get(i);
            JobPlan baseline = plan.jobs().get(i + 1);
            TaskPlan alone = baseline.tasks().get(0);
            assertEquals(inMtl.taskId(), alone.taskId());
            assertEquals(inMtl.plannedExamples(), alone.plannedExamples());
            assertEquals((inMtl.plannedExamples() + 9) / 10, baseline.steps());
            assertEquals(1.0, alone.proportion());
            assertEquals(inMtl.passes(), alone.passes(), 1e-12);
            assertEquals(inMtl.validationExamples(), alone.validationExamples());
            total += inMtl.plannedExamples();
        }
        assertEquals(370, total);
    }

    @Test
    void aTaskWithATinyShareStillAppearsWithZeroExamples() {
        List<TaskPool> pools = List.of(pool("tiny", 1, 2), pool("big", 10_000, 2));
        RunPlanned plan = RunPlanner.plan(request("tiny", "big").strategy("proportional").steps(1).batchSize(4).build(),
                pools, NOW);
        assertEquals(0, plan.jobs().get(0).tasks().get(0).plannedExamples());
        assertEquals(4, plan.jobs().get(0).tasks().get(1).plannedExamples());
        assertEquals(0, plan.jobs().get(1).steps());
        assertEquals(1, plan.jobs().get(1).validationRounds()); // the untrained baseline is still scored once
    }

    @Test
    void validationRoundsFollowTheCadence() {
        assertEquals(3, mtl(request("x", "y", "z").steps(10).everySteps(4).build()).validationRounds()); // 4, 8, 10
        assertEquals(2, mtl(request("x", "y", "z").steps(10).everySteps(5).build()).validationRounds()); // 5, 10
        assertEquals(1, mtl(request("x", "y", "z").steps(10).everySteps(0).build()).validationRounds()); // 10
        assertEquals(0, RunPlanner.plan(request("e").build(), List.of(pool("e", 10, 0)), NOW).jobs().get(0)
                .validationRounds());
    }

    @Test
    void poolDigestIsTheSha256OfTheSortedIds() throws Exception {
        RunPlanned plan = RunPlanner.plan(request("x", "y", "z").build(), POOLS, NOW);
        List<String> ids = new ArrayList<>();
        for (TaskPool p : POOLS) {
            p.train().forEach(e -> ids.add(e.id()));
            p.validation().forEach(e -> ids.add(e.id()));
        }
        Collections.shuffle(ids);
        Collections.sort(ids);
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        ids.forEach(id -> sha.update((id + "\n").getBytes(StandardCharsets.UTF_8)));
        assertEquals(HexFormat.of().formatHex(sha.digest()), plan.jobs().get(0).poolDigest());
        assertEquals(PoolDigest.of(List.of(POOLS.get(1))), plan.jobs().get(2).poolDigest());
        assertNotEquals(plan.jobs().get(0).poolDigest(), plan.jobs().get(1).poolDigest());
    }

    private static JobPlan mtl(RunRequest effective) {
        return RunPlanner.plan(effective, POOLS, NOW).jobs().get(0);
    }
}
