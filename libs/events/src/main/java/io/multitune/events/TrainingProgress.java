package io.multitune.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Training progress of a job every N steps, on {@link Topics#TRAINING}, over the steps since the previous record.
 *
 * @param step             the last step covered
 * @param totalSteps       the job's planned training steps
 * @param taskLoss         per task id: mean training loss over the covered steps (absent: no rows of the task)
 * @param taskWeight       per task id: the weighting strategy's weight at the last covered step (0 once stopped)
 * @param learningRate     learning rate of the last covered step
 * @param stepSeconds      mean wall time per step
 * @param samplesPerSecond examples trained per second of step time
 * @param gradientNorm     global gradient norm of the last covered step, before clipping
 * @param taskIds          order of the conflict matrix's rows and columns
 * @param conflictCosines  cos(g_i, g_j) between the task gradients of the last step that measured them; absent
 *                         when none of the covered steps did
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrainingProgress(int schemaVersion, String runId, String jobId, long step, long totalSteps,
                               Map<String, Double> taskLoss, Map<String, Double> taskWeight, double learningRate,
                               double stepSeconds, double samplesPerSecond, double gradientNorm, List<String> taskIds,
                               List<List<Double>> conflictCosines, Instant at) implements RunScoped {

    public static final int SCHEMA_VERSION = 1;

    @Override
    public String subject() {
        return jobId;
    }
}
