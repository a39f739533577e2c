package io.multitune.training;

import java.util.List;
import java.util.Map;

/**
 * Training telemetry, one record every N steps, over the steps since the previous record.
 *
 * @param jobId            the job
 * @param step             the last step covered
 * @param steps            steps covered (that updated the model)
 * @param taskLoss         per task id: mean training loss over the covered steps; absent where the task had no rows
 * @param taskWeight       per task id: the weight of the last covered step (the strategy's loss weight or
 *                         coefficient; 0 once a task has stopped)
 * @param learningRate     the learning rate of the last covered step
 * @param stepSeconds      mean wall time per step
 * @param samplesPerSecond examples trained per second of step time
 * @param gradientNorm     global gradient norm of the last covered step, before clipping
 * @param taskIds          the order of the conflict matrix's rows and columns
 * @param conflictCosines  cos(g_i, g_j) of the last step that measured them within the covered steps; null when
 *                         none did
 */
public record TrainingTelemetry(String jobId, long step, int steps, Map<String, Double> taskLoss,
                                Map<String, Double> taskWeight, double learningRate, double stepSeconds,
                                double samplesPerSecond, double gradientNorm, List<String> taskIds,
                                double[][] conflictCosines) {
}
