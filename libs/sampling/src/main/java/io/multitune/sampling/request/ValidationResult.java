package io.multitune.sampling.request;

import io.multitune.events.RunRejected.Problem;
import java.util.List;

/**
 * What {@link RunValidator#validate} found.
 *
 * @param problems        every problem, each with its field path; the request cannot run while there is one
 * @param pendingDatasets datasets the request uses that are registered but not profiled yet, sorted: not a problem,
 *                        the caller waits for their profiles and validates again
 * @param tasks           the tasks that could be resolved, in request order
 */
public record ValidationResult(List<Problem> problems, List<String> pendingDatasets, List<ResolvedTask> tasks) {

    public ValidationResult {
        problems = List.copyOf(problems);
        pendingDatasets = List.copyOf(pendingDatasets);
        tasks = List.copyOf(tasks);
    }

    /** No problem found (some datasets may still be pending). */
    public boolean ok() {
        return problems.isEmpty();
    }

    /** No problem and nothing to wait for: the run can be planned. */
    public boolean readyToPlan() {
        return problems.isEmpty() && pendingDatasets.isEmpty();
    }
}
