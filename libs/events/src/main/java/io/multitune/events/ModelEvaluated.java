package io.multitune.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One trained model of a run scored on the test split of its tasks, on {@link Topics#EVALUATIONS}, keyed by run id.
 * The evaluator sends one per model-trained event it could score; the run's comparison follows as
 * {@link RunEvaluated}.
 *
 * @param kind              multi-task or baseline
 * @param modelPath         the ONNX file scored, relative to the artifact root
 * @param modelSha256       its verified SHA-256
 * @param executionProvider where ONNX Runtime ran it ({@code CUDA} or {@code CPU})
 * @param tasks             per task id, its test-split figures
 * @param unifiedScore      weighted mean of the tasks' primary metrics mapped to [0, 1]
 * @param seconds           wall time of scoring (inference and metrics)
 * @param examplesPerSecond test examples scored per second
 */
public record ModelEvaluated(int schemaVersion, String runId, String jobId, RunPlanned.JobKind kind,
                             String modelPath, String modelSha256, String executionProvider,
                             Map<String, TaskEvaluation> tasks, double unifiedScore, double seconds,
                             double examplesPerSecond, Instant at) implements RunScoped {

    public static final int SCHEMA_VERSION = 1;

    @Override
    public String subject() {
        return runId;
    }

    /**
     * One task's figures on its test split.
     *
     * @param taskType      the task's type
     * @param examples      test examples scored
     * @param primaryMetric name of the metric that judges the task
     * @param primary       its value
     * @param unitScore     the primary metric mapped to [0, 1], 1 best (what the unified score averages)
     * @param metrics       every metric of the task type that applies, by name
     * @param perClass      classification only: precision, recall, F1 and support per label
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TaskEvaluation(TaskType taskType, long examples, String primaryMetric, double primary,
                                 double unitScore, Map<String, Double> metrics, List<ClassFigures> perClass) {
    }

    /** One label's precision, recall, F1 and gold count. */
    public record ClassFigures(String label, double precision, double recall, double f1, long support) {
    }
}
