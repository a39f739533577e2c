package io.multitune.evaluator;

import io.multitune.events.RunPlanned.JobKind;
import io.multitune.scoring.TaskPredictions;
import io.multitune.scoring.TaskScores;

import java.util.List;
import java.util.Map;

/**
 * One model scored on the run's test set.
 *
 * @param jobId             the job that trained it
 * @param kind              multi-task or baseline
 * @param modelPath         the ONNX file, relative to the artifact root
 * @param modelSha256       its verified SHA-256
 * @param executionProvider where ONNX Runtime ran it
 * @param tasks             per task id (in the job's order), predictions and scores
 * @param seconds           wall time of inference and metrics
 * @param notes             what the figures' reader must know (a configured metric that did not apply, ...)
 */
record ScoredModel(String jobId, JobKind kind, String modelPath, String modelSha256, String executionProvider,
                   Map<String, ScoredTask> tasks, double seconds, List<String> notes) {

    /** One task's predictions and the scores computed from them. */
    record ScoredTask(TaskPredictions predictions, TaskScores scores) {
    }

    /** Test examples scored over all tasks. */
    long examples() {
        return tasks.values().stream().mapToLong(t -> t.scores().examples()).sum();
    }
}
