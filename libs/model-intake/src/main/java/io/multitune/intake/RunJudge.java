package io.multitune.intake;

import io.multitune.events.ModelTrained;
import io.multitune.events.RunPlanned.JobPlan;

import java.util.Map;

/**
 * What a service that judges runs does with them, called by {@link RunTracker} on its thread: process each model
 * (score it, audit it), say when one cannot be, and judge the run once its multi-task model and baselines are in.
 *
 * @param <M> what processing a model gives
 */
public interface RunJudge<M> {

    /** Whether the run was judged by an earlier process (its result is on disk): it is then left alone. */
    boolean judgedBefore(String runId);

    /** Processes one model of the run; a failure names the problem, file or field, and why. */
    M process(TrackedRun run, ModelTrained trained, JobPlan job) throws IntakeFailure;

    /** Reports a model that could not be processed (or whose training failed: {@code failure} is then null). */
    void failed(TrackedRun run, String jobId, IntakeFailure failure);

    /**
     * Judges the run.
     *
     * @param baselinesByTask  task id to its baseline's result, for the tasks that have one
     * @param missingBaselines task id to why it has no baseline
     * @return false to be called again at the next tick (a transient failure, e.g. writing a file)
     */
    boolean judge(TrackedRun run, M multiTask, Map<String, M> baselinesByTask, Map<String, String> missingBaselines);

    /** The multi-task model could not be processed, so the run is not judged; {@code why} says what failed. */
    void notJudged(TrackedRun run, String why);
}
