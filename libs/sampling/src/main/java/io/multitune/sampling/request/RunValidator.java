package io.multitune.sampling.request;

import io.multitune.events.RunRequest;
import java.util.List;

/**
 * Judges an effective run request (see {@link RunDefaults}) against the tasks and datasets known to the sampler.
 * Every problem is collected, never only the first, so a user fixes them all in one go; each names its field as a
 * path ({@code tasks[1].weight}, {@code sampling.temperature}).
 *
 * <p>Datasets still being ingested are not problems: they are returned as pending, and the caller validates again
 * once their profiles arrive (or rejects with {@code PROFILE_TIMEOUT} when they never do).
 */
public final class RunValidator {
    private RunValidator() {
    }

    /** Every problem of the request, the datasets to wait for, and the tasks it resolves to. */
    public static ValidationResult validate(RunRequest effective, TaskCatalog catalog) {
        ProblemList problems = new ProblemList();
        // In the order of the request's fields, so the problems read like the request.
        ModelChecks.identity(effective, problems);
        TaskChecks.Resolution resolution = TaskChecks.check(effective.tasks(), catalog, problems);
        ModelChecks.model(effective, problems);
        SamplingChecks.check(effective.sampling(), problems);
        TrainingChecks.check(effective, problems);
        return new ValidationResult(problems.toList(), resolution.pendingDatasets(), resolution.tasks());
    }

    /**
     * The tasks of the request, in request order, as the planner needs them. Meant for a request that validated
     * without problems; for another, the tasks that could not be resolved (or were listed twice) are left out.
     */
    public static List<ResolvedTask> resolve(RunRequest request, TaskCatalog catalog) {
        return TaskChecks.check(request.tasks(), catalog, new ProblemList()).tasks();
    }
}
