package io.multitune.sampling.stream;

import static io.multitune.sampling.plan.Fixtures.pool;
import static io.multitune.sampling.plan.Fixtures.request;
import static io.multitune.sampling.stream.BatchSequencerMixTest.all;
import static io.multitune.sampling.stream.BatchSequencerMixTest.plan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multitune.events.RunPlanned;
import io.multitune.events.RunPlanned.JobPlan;
import io.multitune.events.RunRequest;
import io.multitune.events.TrainingBatch.Kind;
import io.multitune.sampling.plan.RunPlanner;
import io.multitune.sampling.pool.TaskPool;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Stream layout: validation rounds, sequence numbers, the last flag, reweighting and restarts. */
class BatchSequencerStreamTest {

    private static String layout(List<PlannedBatch> batches) {
        StringBuilder s = new StringBuilder();
        for (PlannedBatch b : batches) {
            s.append(b.kind() == Kind.TRAIN ? "T" + b.step() : "V" + b.validationRound() + "@" + b.step()).append(' ');
        }
        return s.toString().trim();
    }

    @Test
    void validationRoundsFollowTheirStepsWithTheSameExamplesEveryRound() {
        // x: 20 of 40 validation examples, y: 20 of 500, z: all 3; B = 16 gives 2 + 2 + 1 batches per round
        RunRequest effective = request("x", "y", "z").steps(10).everySteps(4).maxValidation(20).build();
        RunPlanned plan = plan(effective);
        JobPlan mtl = plan.jobs().get(0);
        List<PlannedBatch> batches = all(mtl, effective);
        String round = " V%1$d@%2$d V%1$d@%2$d V%1$d@%2$d V%1$d@%2$d V%1$d@%2$d";
        assertEquals("T1 T2 T3 T4" + round.formatted(1, 4) + " T5 T6 T7 T8" + round.formatted(2, 8) + " T9 T10"
                + round.formatted(3, 10), layout(batches));
        assertEquals(BatchSequencer.totalBatches(mtl), batches.size());
        for (int i = 0; i < batches.size(); i++) {
            assertEquals(i, batches.get(i).sequence());
            assertEquals(i == batches.size() - 1, batches.get(i).last());
        }
        List<List<TaskedExample>> rounds = batches.stream().filter(b -> b.kind() == Kind.VALIDATION)
                .map(PlannedBatch::examples).toList();
        assertEquals(rounds.subList(0, 5), rounds.subList(5, 10));
        assertEquals(rounds.subList(0, 5), rounds.subList(10, 15));
        assertEquals(List.of("x", "x", "y", "y", "z"),
                rounds.subList(0, 5).stream().map(b -> b.get(0).taskId()).toList());
        assertEquals(List.of(16, 4, 16, 4, 3), rounds.subList(0, 5).stream().map(List::size).toList());
        for (int b = 0; b < 5; b++) {
            List<TaskedExample> batch = rounds.get(b);
            assertTrue(batch.stream().allMatch(e -> e.taskId().equals(batch.get(0).taskId())), "one task per batch");
            assertTrue(batch.stream().allMatch(e -> e.example().id().startsWith(e.taskId() + "-v")));
        }
        // 20 distinct examples of y, half of each label (the permutation is stratified)
        List<TaskedExample> y = rounds.subList(2, 4).stream().flatMap(List::stream).toList();
        assertEquals(20, new HashSet<>(y.stream().map(e -> e.example().id()).toList()).size());
        assertEquals(10, y.stream().filter(e -> e.example().label().equals("a")).count());
        // the baseline of y validates on the same examples
        List<PlannedBatch> baseline = all(plan.jobs().get(2), effective);
        assertEquals(y, baseline.stream().filter(b -> b.kind() == Kind.VALIDATION).limit(2)
                .flatMap(b -> b.examples().stream()).toList());
    }

    @Test
    void anEmptyBaselineStillValidatesOnce() {
        RunRequest effective = request("tiny", "big").strategy("proportional").steps(1).batchSize(4).build();
        List<TaskPool> pools = List.of(pool("tiny", 1, 5), pool("big", 10_000, 2));
        JobPlan tinyBaseline = RunPlanner.plan(effective, pools, Instant.EPOCH).jobs().get(1);
        BatchSequencer sequencer = new BatchSequencer(tinyBaseline, effective, pools);
        PlannedBatch first = sequencer.next();
        PlannedBatch second = sequencer.next();
        assertFalse(sequencer.hasNext());
        assertEquals("V1@0 V1@0", layout(List.of(first, second)));
        assertEquals(List.of(false, true), List.of(first.last(), second.last()));
        assertEquals(2, BatchSequencer.totalBatches(tinyBaseline));
    }

    @Test
    void reweightTakesEffectExactlyFromTheGivenStep() {
        RunRequest effective = request("x", "y", "z").strategy("dynamic").steps(100).everySteps(0).build();
        JobPlan mtl = plan(effective).jobs().get(0);
        List<PlannedBatch> unchanged = all(mtl, effective);
        BatchSequencer sequencer = new BatchSequencer(mtl, effective, BatchSequencerMixTest.POOLS);
        while (sequencer.lastStep() < 30) {
            sequencer.next();
        }
        assertThrows(IllegalStateException.class, () -> sequencer.reweight(30, new double[] {1, 0, 0}));
        sequencer.reweight(51, new double[] {0.5, 0.5, 0});
        List<PlannedBatch> rest = new ArrayList<>();
        while (sequencer.hasNext()) {
            rest.add(sequencer.next());
        }
        assertEquals(unchanged.subList(30, 50), rest.subList(0, 20));
        List<TaskedExample> after = BatchSequencerMixTest.trainingExamples(rest.subList(20, rest.size()));
        // 50 steps x 16 slots left, dealt 400 / 400 / 0
        assertEquals(800, after.size());
        assertEquals(400, after.stream().filter(e -> e.taskId().equals("x")).count());
        assertEquals(400, after.stream().filter(e -> e.taskId().equals("y")).count());
        assertTrue(rest.get(rest.size() - 1).last());
        assertEquals(100, rest.get(rest.size() - 1).step());
    }

    @Test
    void aLaterReweightReplacesAPendingOneAndHomogeneousBatchesAreRedealtWhole() {
        RunRequest effective = request("x", "y", "z").homogeneous().steps(40).everySteps(0).build();
        JobPlan mtl = plan(effective).jobs().get(0);
        BatchSequencer sequencer = new BatchSequencer(mtl, effective, BatchSequencerMixTest.POOLS);
        sequencer.reweight(30, new double[] {1, 0, 0});
        sequencer.reweight(21, new double[] {0, 0, 1});
        sequencer.reweight(500, new double[] {1, 0, 0}); // past the last step: no effect
        List<PlannedBatch> batches = new ArrayList<>();
        while (sequencer.hasNext()) {
            PlannedBatch batch = sequencer.next();
            if (batch.kind() == Kind.TRAIN) {
                batches.add(batch);
            }
        }
        assertEquals(40, batches.size());
        for (PlannedBatch batch : batches.subList(20, 40)) {
            assertEquals(16, batch.examples().size());
            assertTrue(batch.examples().stream().allMatch(e -> e.taskId().equals("z")), "step " + batch.step());
        }
    }

    @Test
    void aRestartRegeneratesTheSameBatchesFromAnyPosition() {
        RunRequest effective = request("x", "y", "z").steps(30).everySteps(7).maxValidation(10).build();
        JobPlan mtl = plan(effective).jobs().get(0);
        List<PlannedBatch> reference = all(mtl, effective);
        BatchSequencer restarted = new BatchSequencer(mtl, effective, BatchSequencerMixTest.POOLS);
        restarted.advanceTo(17);
        assertEquals(17, restarted.nextSequence());
        assertEquals(reference.get(17), restarted.next());
    }
}
