package io.multitune.training;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multitune.events.RunPlanned.TaskPlan;
import io.multitune.events.StandardExample;
import io.multitune.mtl.TaskWeightings;
import io.multitune.training.batch.AssembledBatch;
import io.multitune.training.optim.AdamW;
import io.multitune.training.optim.AdamWSettings;
import io.multitune.training.optim.LearningRateSchedule;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each head, alone on a toy task, lowers its loss over a few steps on the same batch. */
class HeadsLearnTest {

    private static final int STEPS = 15;

    @Test
    void sequenceClassification() {
        assertLearns(Fixtures.sentiment(), Fixtures.sentimentExamples());
    }

    @Test
    void textPairClassification() {
        assertLearns(Fixtures.nli(), List.of(
                Fixtures.pair("n1", "a man is sleeping", "a person rests", "entailment"),
                Fixtures.pair("n2", "a man is sleeping", "the man runs a race", "contradiction"),
                Fixtures.pair("n3", "two dogs play outside", "animals are outdoors", "entailment"),
                Fixtures.pair("n4", "two dogs play outside", "the cats sit inside", "contradiction")));
    }

    @Test
    void tokenClassification() {
        assertLearns(Fixtures.pos(), Fixtures.posExamples());
    }

    @Test
    void regression() {
        assertLearns(Fixtures.score(), Fixtures.scoreExamples());
    }

    @Test
    void extractiveQuestionAnswering() {
        assertLearns(Fixtures.qa(), List.of(
                Fixtures.answer("q1", "who wrote it?", "the book was written by alice in june", "alice"),
                Fixtures.answer("q2", "where is the cat?", "the cat sleeps in the kitchen today", "kitchen"),
                Fixtures.answer("q3", "when did it rain?", "it rained on monday after lunch", "monday")));
    }

    private static void assertLearns(TaskPlan task, List<StandardExample> examples) {
        List<TaskPlan> tasks = List.of(task);
        AssembledBatch batch = Fixtures.assembler(tasks).assemble(Fixtures.train(0, 1, examples));
        try (MultiTaskModel model = MultiTaskModel.create(Fixtures.manager(), Fixtures.tinyWeights(3),
                Fixtures.noDropout(), tasks, 11);
             AdamW adamW = new AdamW(model.manager(), AdamWSettings.DEFAULTS, LearningRateSchedule.constant(1e-2))) {
            TrainingStep step = new TrainingStep(model, adamW, TaskWeightings.create("equal", null, 1, null, 1, 1e-2),
                    1, Map.of());
            List<Double> losses = new ArrayList<>();
            for (int s = 1; s <= STEPS; s++) {
                losses.add(step.run(batch, s, new boolean[] {true}, false).losses()[0]);
            }
            System.out.println(task.taskType().wireName() + " loss: " + losses);
            assertTrue(losses.get(STEPS - 1) < 0.7 * losses.get(0), task.taskId() + " loss fell too little: " + losses);
        }
    }
}
