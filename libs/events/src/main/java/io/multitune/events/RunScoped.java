package io.multitune.events;

/**
 * An event that belongs to one run: every reader that follows runs (the lifecycle, the CLI's watch) finds the run
 * of any such event the same way, whether the event is keyed by its run id or, like training events, by a job id.
 */
public interface RunScoped extends PipelineEvent {

    /** The run the event belongs to. */
    String runId();
}
