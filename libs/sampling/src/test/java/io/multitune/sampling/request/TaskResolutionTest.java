package io.multitune.sampling.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multitune.events.RunRejected.Problem;
import io.multitune.events.RunRejected.Reason;
import io.multitune.events.RunRequest;
import io.multitune.events.TaskType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How task references resolve, and the checks of each task's datasets. */
class TaskResolutionTest {

    private static Problem onlyProblem(String yaml) {
        List<Problem> problems = Fixtures.problems(yaml);
        assertEquals(1, problems.size(), problems::toString);
        return problems.get(0);
    }

    private static List<ResolvedTask> resolve(String yaml) {
        return RunValidator.resolve(Fixtures.effective(yaml), Fixtures.catalog());
    }

    @Test
    void aTaskIdStandsForEveryDatasetOfTheTask() {
        ValidationResult result = Fixtures.validate("tasks: [sentiment, {task: nli, weight: 3}]");
        assertTrue(result.readyToPlan(), result::toString);
        ResolvedTask sentiment = result.tasks().get(0);
        assertEquals("sentiment", sentiment.taskId());
        assertEquals(TaskType.TEXT_CLASSIFICATION, sentiment.taskType());
        assertEquals(List.of("reviews-a", "reviews-b"), sentiment.datasetIds());
        assertEquals(150, sentiment.trainExamples());
        assertEquals(30, sentiment.validationExamples());
        assertEquals(1.0, sentiment.weight());
        assertEquals(3.0, result.tasks().get(1).weight());
        assertEquals(result.tasks(), resolve("tasks: [sentiment, {task: nli, weight: 3}]"));
    }

    @Test
    void aDatasetIdStandsForThatDatasetAloneUnderItsTask() {
        List<ResolvedTask> tasks = resolve("tasks: [reviews-b]");
        assertEquals(1, tasks.size());
        assertEquals("sentiment", tasks.get(0).taskId());
        assertEquals(List.of("reviews-b"), tasks.get(0).datasetIds());
    }

    @Test
    void datasetsRestrictATask() {
        List<ResolvedTask> tasks = resolve("tasks: [{task: sentiment, datasets: [reviews-b]}]");
        assertEquals(List.of("reviews-b"), tasks.get(0).datasetIds());
        assertEquals(50, tasks.get(0).trainExamples());
    }

    @Test
    void aRestrictionToAForeignDatasetIsAnUnknownTask() {
        List<Problem> problems = Fixtures.problems("tasks: [{task: sentiment, datasets: [reviews-a, snli, nope]}]");
        assertEquals(List.of(
                new Problem("tasks[0].datasets[1]", Reason.UNKNOWN_TASK,
                        "'snli' is not a dataset of 'sentiment' (its datasets: reviews-a, reviews-b)"),
                new Problem("tasks[0].datasets[2]", Reason.UNKNOWN_TASK,
                        "'nope' is not a dataset of 'sentiment' (its datasets: reviews-a, reviews-b)")), problems);
    }

    @Test
    void anEmptyRestrictionOrADatasetListedTwiceIsReported() {
        Problem empty = onlyProblem("tasks: [{task: sentiment, datasets: []}]");
        assertEquals("tasks[0].datasets", empty.field());
        assertEquals(Reason.MISSING_FIELD, empty.reason());
        Problem twice = onlyProblem("tasks: [{task: sentiment, datasets: [reviews-a, reviews-a]}]");
        assertEquals("tasks[0].datasets[1]", twice.field());
        assertEquals(Reason.BAD_PARAMETER, twice.reason());
    }

    @Test
    void anUnknownNameIsAnUnknownTaskWithAHint() {
        assertEquals(new Problem("tasks[1]", Reason.UNKNOWN_TASK,
                "no task or dataset 'sentimnt' is registered; did you mean 'sentiment'?"),
                onlyProblem("tasks: [nli, sentimnt]"));
        Problem far = onlyProblem("tasks: [zzzzzzzzzz]");
        assertTrue(far.message().contains("registered tasks: empty, mixed, ner, nli"), far.message());
    }

    @Test
    void missingOrEmptyTasksAreMissing() {
        RunRequest none = new RunRequest(1, "r", null, null, null, null, null, null, null, null, null, null, null,
                null);
        assertEquals(List.of(new Problem("tasks", Reason.MISSING_FIELD,
                "name at least one task, by task id or dataset id")),
                RunValidator.validate(RunDefaults.effective(none, "r"), Fixtures.catalog()).problems());
        assertEquals("tasks", onlyProblem("tasks: []").field());
        assertEquals(new Problem("tasks[1].task", Reason.MISSING_FIELD, "name a task id or a dataset id"),
                onlyProblem("tasks: [nli, {weight: 2}]"));
    }

    @Test
    void theSameTaskTwiceIsABadParameter() {
        Problem problem = onlyProblem("tasks: [sentiment, nli, reviews-a]");
        assertEquals("tasks[2]", problem.field());
        assertEquals(Reason.BAD_PARAMETER, problem.reason());
        assertTrue(problem.message().startsWith("task 'sentiment' is already listed at tasks[0]"), problem.message());
        assertEquals(List.of("sentiment", "nli"),
                resolve("tasks: [sentiment, nli, reviews-a]").stream().map(ResolvedTask::taskId).toList());
        assertEquals("tasks[1]", onlyProblem("tasks: [reviews-a, reviews-b]").field());
    }

    @Test
    void datasetsOfDifferentTaskTypesAreIncompatible() {
        assertEquals(new Problem("tasks[0]", Reason.INCOMPATIBLE_DATASETS,
                "the datasets of task 'mixed' have different task types: m1 text-classification, m2 regression"),
                onlyProblem("tasks: [mixed]"));
        assertTrue(Fixtures.problems("tasks: [{task: mixed, datasets: [m2]}]").isEmpty());
    }

    @Test
    void datasetsWithDifferentLabelSetsAreIncompatible() {
        assertEquals(new Problem("tasks[0]", Reason.INCOMPATIBLE_DATASETS,
                "the datasets of task 'relabelled' have different label sets: l1 [a, b], l2 [x, y]"),
                onlyProblem("tasks: [relabelled]"));
        // The same labels in another order, or a dataset accepting any label, agree.
        assertTrue(Fixtures.problems("tasks: [sentiment]").isEmpty());
        MapTaskCatalog catalog = Fixtures.catalog()
                .put(Fixtures.profiled("reviews-c", "sentiment", TaskType.TEXT_CLASSIFICATION, null, 5, 5));
        assertTrue(RunValidator.validate(Fixtures.effective("tasks: [sentiment]"), catalog).ok());
    }

    @Test
    void textToTextIsUnsupported() {
        assertEquals(new Problem("tasks[0]", Reason.UNSUPPORTED_TASK_TYPE,
                "task 'summaries' is text-to-text: the encoder trainer cannot train text-to-text tasks"),
                onlyProblem("tasks: [summaries]"));
    }

    @Test
    void aTaskWithoutTrainingOrValidationExamplesHasNoExamples() {
        List<Problem> problems = Fixtures.problems("tasks: [nli, empty, unvalidated]");
        assertEquals(List.of(
                new Problem("tasks[1]", Reason.NO_EXAMPLES, "task 'empty' has no training examples"),
                new Problem("tasks[1]", Reason.NO_EXAMPLES,
                        "task 'empty' has no validation examples; they are needed for early stopping"),
                new Problem("tasks[2]", Reason.NO_EXAMPLES,
                        "task 'unvalidated' has no validation examples; they are needed for early stopping")),
                problems);
    }

    @Test
    void unprofiledDatasetsArePendingNotProblems() {
        ValidationResult result = Fixtures.validate("tasks: [nli, ner]");
        assertTrue(result.ok());
        assertFalse(result.readyToPlan());
        assertEquals(List.of("conll"), result.pendingDatasets());
        assertEquals(List.of("nli", "ner"), result.tasks().stream().map(ResolvedTask::taskId).toList());
        assertFalse(result.tasks().get(1).profiled());
    }

    @Test
    void aPartlyProfiledTaskIsPendingAndNotYetShortOfExamples() {
        MapTaskCatalog catalog = Fixtures.catalog()
                .put(new DatasetInfo("e2", "empty", TaskType.TEXT_CLASSIFICATION, null, false, 0, 0));
        ValidationResult result = RunValidator.validate(Fixtures.effective("tasks: [empty]"), catalog);
        assertEquals(List.of(), result.problems());
        assertEquals(List.of("e2"), result.pendingDatasets());
    }
}
