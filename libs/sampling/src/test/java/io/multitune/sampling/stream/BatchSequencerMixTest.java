package io.multitune.sampling.stream;

import static io.multitune.sampling.plan.Fixtures.pool;
import static io.multitune.sampling.plan.Fixtures.request;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multitune.events.RunPlanned;
import io.multitune.events.RunPlanned.JobPlan;
import io.multitune.events.RunRequest;
import io.multitune.events.TrainingBatch;
import io.multitune.sampling.plan.Fixtures;
import io.multitune.sampling.plan.RunPlanner;
import io.multitune.sampling.pool.TaskPool;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Task proportions of training batches, measured over whole jobs, and baselines against the multi-task job. */
class BatchSequencerMixTest {

    static final List<TaskPool> POOLS = List.of(pool("x", 100, 40), pool("y", 300, 500), pool("z", 600, 3));
    static final List<String> TASKS = List.of("x", "y", "z");
    /** Measured shares must be within 2 points (absolute) of the mixing proportions. */
    private static final double TOLERANCE = 0.02;

    static RunPlanned plan(RunRequest effective) {
        return RunPlanner.plan(effective, POOLS, Instant.EPOCH);
    }

    static List<PlannedBatch> all(JobPlan job, RunRequest effective) {
        BatchSequencer sequencer = new BatchSequencer(job, effective, POOLS);
        List<PlannedBatch> batches = new ArrayList<>();
        while (sequencer.hasNext()) {
            batches.add(sequencer.next());
        }
        return batches;
    }

    static List<TaskedExample> trainingExamples(List<PlannedBatch> batches) {
        return batches.stream().filter(b -> b.kind() == TrainingBatch.Kind.TRAIN)
                .flatMap(b -> b.examples().stream()).toList();
    }

    private static double[] shares(List<TaskedExample> examples) {
        double[] shares = new double[TASKS.size()];
        examples.forEach(e -> shares[TASKS.indexOf(e.taskId())] += 1.0 / examples.size());
        return shares;
    }

    /** Hand-computed proportions of pools 100 / 300 / 600 (see MixingWeightsTest). */
    static Stream<Arguments> strategies() {
        double[] proportional = {0.1, 0.3, 0.6};
        double[] temperature2 = {0.19299279630882282, 0.3342733287016724, 0.47273387498950475};
        return Stream.of(
                Arguments.of(request("x", "y", "z").strategy("proportional"), proportional),
                Arguments.of(request("x", "y", "z").strategy("uniform"), new double[] {1 / 3.0, 1 / 3.0, 1 / 3.0}),
                Arguments.of(request("x", "y", "z").strategy("capped").cap(200L), new double[] {0.2, 0.4, 0.4}),
                Arguments.of(request("x", "y", "z").strategy("temperature"), temperature2),
                Arguments.of(request("x", "y", "z").strategy("curriculum"), proportional),
                Arguments.of(request("x", "y", "z").strategy("dynamic"), temperature2),
                Arguments.of(request("x", "y", "z").strategy("temperature").homogeneous(), temperature2));
    }

    @ParameterizedTest
    @MethodSource("strategies")
    void trainingBatchesFollowTheMixingProportions(Fixtures.Request request, double[] expected) {
        RunRequest effective = request.steps(500).everySteps(0).build();
        List<PlannedBatch> batches = all(plan(effective).jobs().get(0), effective);
        List<PlannedBatch> training = batches.stream().filter(b -> b.kind() == TrainingBatch.Kind.TRAIN).toList();
        assertEquals(500, training.size());
        assertArrayEquals(expected, shares(trainingExamples(training)), TOLERANCE);
        // not only in total: the first fifth of the job is mixed alike
        assertArrayEquals(expected, shares(trainingExamples(training.subList(0, 100))), TOLERANCE);
        for (PlannedBatch batch : training) {
            assertEquals(16, batch.examples().size());
            if (effective.sampling().batchMode().equals("homogeneous")) {
                assertEquals(1, batch.examples().stream().map(TaskedExample::taskId).distinct().count(),
                        "homogeneous batch " + batch.step() + " mixes tasks");
            }
        }
    }

    static Stream<Arguments> baselineCases() {
        return Stream.of(
                Arguments.of(request("x", "y", "z").strategy("temperature").steps(123).batchSize(10)),
                Arguments.of(request("x", "y", "z").strategy("curriculum").steps(123).batchSize(10)),
                Arguments.of(request("x", "y", "z").strategy("uniform").homogeneous().steps(123).batchSize(10)));
    }

    @ParameterizedTest
    @MethodSource("baselineCases")
    void eachBaselineDrawsExactlyTheMultiTaskExamplesOfItsTask(Fixtures.Request request) {
        RunRequest effective = request.build();
        RunPlanned plan = plan(effective);
        List<TaskedExample> mtl = trainingExamples(all(plan.jobs().get(0), effective));
        for (int t = 0; t < TASKS.size(); t++) {
            String task = TASKS.get(t);
            JobPlan baselineJob = plan.jobs().get(t + 1);
            List<PlannedBatch> baseline = all(baselineJob, effective).stream()
                    .filter(b -> b.kind() == TrainingBatch.Kind.TRAIN).toList();
            List<String> fromMtl = mtl.stream().filter(e -> e.taskId().equals(task)).map(e -> e.example().id()).toList();
            List<String> fromBaseline = trainingExamples(baseline).stream().map(e -> e.example().id()).toList();
            assertEquals(fromMtl, fromBaseline, "task " + task);
            assertEquals(baselineJob.tasks().get(0).plannedExamples(), fromBaseline.size());
            assertEquals(baselineJob.steps(), baseline.size());
            // every batch is full but the last, which holds the remainder
            long planned = baselineJob.tasks().get(0).plannedExamples();
            for (int b = 0; b < baseline.size(); b++) {
                long expected = b < baseline.size() - 1 || planned % 10 == 0 ? 10 : planned % 10;
                assertEquals(expected, baseline.get(b).examples().size());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("baselineCases")
    void sequencesAreDeterministicAndFollowTheSeed(Fixtures.Request request) {
        RunRequest effective = request.build();
        JobPlan mtl = plan(effective).jobs().get(0);
        assertEquals(ids(all(mtl, effective)), ids(all(mtl, effective)));
        RunRequest otherSeed = request.seed(7).build();
        assertNotEquals(ids(all(mtl, effective)), ids(all(plan(otherSeed).jobs().get(0), otherSeed)));
    }

    private static List<String> ids(List<PlannedBatch> batches) {
        List<String> ids = new ArrayList<>();
        for (PlannedBatch batch : batches) {
            ids.add(batch.sequence() + " " + batch.kind() + " " + batch.step() + " " + batch.validationRound() + " "
                    + batch.last());
            batch.examples().forEach(e -> ids.add(e.taskId() + ":" + e.example().id()));
        }
        assertTrue(ids.size() > batches.size());
        return ids;
    }
}
