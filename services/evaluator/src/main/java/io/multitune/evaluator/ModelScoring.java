package io.multitune.evaluator;

import ai.onnxruntime.OrtException;
import io.multitune.events.EvaluationFailed.Problem;
import io.multitune.events.ModelTrained;
import io.multitune.events.RunPlanned.JobPlan;
import io.multitune.events.RunPlanned.TaskPlan;
import io.multitune.events.StandardExample;
import io.multitune.scoring.ModelFileException;
import io.multitune.scoring.ModelScorer;
import io.multitune.scoring.PredictionMetrics;
import io.multitune.scoring.TaskPredictions;
import io.multitune.scoring.TaskScores;
import io.multitune.intake.BaseTokenizers;
import io.multitune.intake.IntakeFailure;
import io.multitune.intake.ModelFiles;
import io.multitune.intake.TestSet;
import io.multitune.training.MalformedBatchException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores one trained model: its file verified against the event (under the artifact root, size, SHA-256), run by
 * ONNX Runtime on the run's test set, every metric of each task computed with the run's primary metric per task.
 * Each way this can fail is an {@link IntakeFailure} naming the file, field or example.
 */
final class ModelScoring {
    private final Path artifactRoot;
    private final BaseTokenizers tokenizers;
    private final int intraOpThreads;
    private final int batchSize;

    ModelScoring(Path artifactRoot, BaseTokenizers tokenizers, int intraOpThreads, int batchSize) {
        this.artifactRoot = artifactRoot;
        this.tokenizers = tokenizers;
        this.intraOpThreads = intraOpThreads;
        this.batchSize = batchSize;
    }

    /**
     * Scores the model of a job.
     *
     * @param primaryMetrics the run's configured primary metric per task id (others: the task type's default)
     */
    ScoredModel score(ModelTrained trained, JobPlan job, String baseModel, TestSet testSet,
                      Map<String, String> primaryMetrics) throws IntakeFailure {
        ModelTrained.Artifact artifact = ModelFiles.modelArtifact(trained);
        Path file = ModelFiles.verified(artifactRoot, artifact);
        checkTestExamples(job, testSet);
        BaseTokenizers.Tokenizers tokens = tokenizersOf(baseModel);
        long started = System.nanoTime();
        try (ModelScorer scorer = open(file, artifact.path(), tokens, job.tasks())) {
            Map<String, TaskPredictions> predictions = predict(scorer, testSet.examples(job.tasks()));
            List<String> notes = new ArrayList<>();
            Map<String, ScoredModel.ScoredTask> tasks = new LinkedHashMap<>();
            for (TaskPlan task : job.tasks()) {
                TaskPredictions p = predictions.get(task.taskId());
                tasks.put(task.taskId(), new ScoredModel.ScoredTask(p,
                        metrics(p, primaryMetrics.get(task.taskId()), notes)));
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            return new ScoredModel(trained.jobId(), trained.kind(), artifact.path(), artifact.sha256(),
                    scorer.executionProvider(), tasks, seconds, notes);
        } catch (OrtException e) {
            throw new IntakeFailure(Problem.SCORING_ERROR, artifact.path(), "ONNX Runtime failed on model "
                    + artifact.path() + ": " + e.getMessage(), e);
        }
    }

    private static void checkTestExamples(JobPlan job, TestSet testSet) throws IntakeFailure {
        for (TaskPlan task : job.tasks()) {
            if (testSet.examples(task.taskId()).isEmpty()) {
                throw new IntakeFailure(Problem.NO_TEST_EXAMPLES, "tasks." + task.taskId(), "task "
                        + task.taskId() + " has no example in the test split of its datasets " + task.datasets()
                        + " on " + io.multitune.events.Topics.EXAMPLES);
            }
        }
    }

    private BaseTokenizers.Tokenizers tokenizersOf(String baseModel) throws IntakeFailure {
        try {
            return tokenizers.get(baseModel);
        } catch (IOException | RuntimeException e) {
            throw new IntakeFailure(Problem.SCORING_ERROR, "baseModel", "the tokenizer of base model '"
                    + baseModel + "' cannot be loaded: " + e.getMessage(), e);
        }
    }

    private ModelScorer open(Path file, String path, BaseTokenizers.Tokenizers tokens, List<TaskPlan> tasks)
            throws IntakeFailure {
        try {
            return ModelScorer.open(file, intraOpThreads, tokens.tokens(), tokens.questions(), tasks);
        } catch (ModelFileException e) {
            throw new IntakeFailure(Problem.MODEL_UNREADABLE, path, e.getMessage(), e);
        }
    }

    private Map<String, TaskPredictions> predict(ModelScorer scorer, List<StandardExample> examples)
            throws OrtException, IntakeFailure {
        try {
            return scorer.score(examples, batchSize);
        } catch (MalformedBatchException e) {
            throw new IntakeFailure(Problem.BAD_TEST_EXAMPLE, e.exampleId() + "." + e.field(),
                    "test example " + e.exampleId() + " cannot be scored: " + e.getMessage(), e);
        }
    }

    /** The task's scores; a configured primary metric that does not apply falls back to the default, noted. */
    private static TaskScores metrics(TaskPredictions predictions, String primaryMetric, List<String> notes) {
        if (primaryMetric == null) {
            return PredictionMetrics.score(predictions);
        }
        try {
            return PredictionMetrics.score(predictions, primaryMetric);
        } catch (IllegalArgumentException e) {
            TaskScores scores = PredictionMetrics.score(predictions);
            notes.add("task " + predictions.taskId() + ": configured primary metric '" + primaryMetric
                    + "' does not apply (" + e.getMessage() + "); judged by " + scores.primaryMetric() + " instead");
            return scores;
        }
    }
}
