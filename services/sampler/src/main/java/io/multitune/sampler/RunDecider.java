package io.multitune.sampler;

import io.multitune.events.RunPlanned;
import io.multitune.events.RunRejected;
import io.multitune.events.RunRequest;
import io.multitune.sampling.plan.RunPlanner;
import io.multitune.sampling.pool.TaskPool;
import io.multitune.sampling.request.ResolvedTask;
import io.multitune.sampling.request.RunDefaults;
import io.multitune.sampling.request.RunValidator;
import io.multitune.sampling.request.ValidationResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides a waiting run request: reject it (every problem at once), keep it waiting for datasets still being
 * ingested (until the profile wait runs out), or plan it over frozen pools.
 */
final class RunDecider {
    private final DatasetBook datasets;
    private final Duration profileWait;

    RunDecider(DatasetBook datasets, Duration profileWait) {
        this.datasets = datasets;
        this.profileWait = profileWait;
    }

    /** The outcome of looking at a waiting request now. */
    sealed interface Decision {
        record Plan(RunPlanned plan, List<TaskPool> pools) implements Decision {
        }

        record Reject(RunRejected rejection) implements Decision {
        }

        record Wait(String reason) implements Decision {
        }
    }

    Decision decide(RunDesk.Waiting waiting, Instant now) {
        if (!waiting.readProblems().isEmpty()) {
            return reject(waiting.runId(), waiting.readProblems(), now);
        }
        RunRequest effective = RunDefaults.effective(waiting.request(), waiting.runId());
        ValidationResult validation = RunValidator.validate(effective, datasets.catalog());
        if (!validation.ok()) {
            return reject(waiting.runId(), validation.problems(), now);
        }
        List<String> notReady = new ArrayList<>();
        for (String id : validation.pendingDatasets()) {
            notReady.add(id + " (being ingested: not profiled yet)");
        }
        for (ResolvedTask task : validation.tasks()) {
            for (String id : task.datasetIds()) {
                Optional<String> why = validation.pendingDatasets().contains(id) ? Optional.empty()
                        : datasets.incomplete(id);
                why.ifPresent(reason -> notReady.add(id + " (" + reason + ")"));
            }
        }
        if (!notReady.isEmpty()) {
            if (Duration.between(waiting.since(), now).compareTo(profileWait) >= 0) {
                return reject(waiting.runId(), notReady.stream().map(d -> new RunRejected.Problem("tasks",
                        RunRejected.Reason.PROFILE_TIMEOUT, "dataset " + d + " after waiting "
                        + profileWait.toSeconds() + " s")).toList(), now);
            }
            return new Decision.Wait(String.join(", ", notReady));
        }
        List<TaskPool> pools = validation.tasks().stream().map(datasets::pool).toList();
        return new Decision.Plan(RunPlanner.plan(effective, pools, now), pools);
    }

    static Decision.Reject reject(String runId, List<RunRejected.Problem> problems, Instant now) {
        return new Decision.Reject(new RunRejected(RunRejected.SCHEMA_VERSION, runId, problems, now));
    }
}
