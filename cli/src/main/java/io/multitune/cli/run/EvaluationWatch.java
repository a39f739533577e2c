package io.multitune.cli.run;

import io.multitune.events.EvaluationFailed;
import io.multitune.events.ModelEvaluated;
import io.multitune.events.RunEvaluated;
import io.multitune.events.RunPlanned;
import io.multitune.events.Topics;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Follows a planned run on the evaluations topic until the evaluator has judged it, or could not (its multi-task
 * model failed evaluation), printing a line per model as it is scored.
 */
public final class EvaluationWatch implements AutoCloseable {
    private final RunEventsWatch watch;

    /** What the evaluator said about a run. {@code evaluated} is null when it did not judge the run in time. */
    public record Outcome(RunEvaluated evaluated, List<ModelEvaluated> models, List<EvaluationFailed> failures) {
    }

    public EvaluationWatch(Map<String, Object> connection) {
        this.watch = new RunEventsWatch(connection, Topics.EVALUATIONS, "multitune-evaluation-watch");
    }

    /** Waits for the run's evaluation, or its multi-task model's failure, or {@code timeout}. */
    public Outcome follow(RunPlanned plan, Duration timeout, PrintWriter out) {
        String mtlJob = multiTaskJob(plan);
        List<ModelEvaluated> models = new ArrayList<>();
        List<EvaluationFailed> failures = new ArrayList<>();
        RunEvaluated[] evaluated = new RunEvaluated[1];
        watch.follow(plan, timeout, event -> {
            if (event instanceof RunEvaluated e) {
                evaluated[0] = e;
                return true;
            } else if (event instanceof ModelEvaluated e) {
                models.add(e);
                out.println(scoredLine(e));
            } else if (event instanceof EvaluationFailed e) {
                failures.add(e);
                out.println(failedLine(e));
                out.flush();
                return e.jobId() != null && e.jobId().equals(mtlJob);
            }
            out.flush();
            return false;
        });
        return new Outcome(evaluated[0], models, failures);
    }

    /** "  scored JOB on N test examples in S s (PROVIDER): unified score X". */
    static String scoredLine(ModelEvaluated e) {
        return String.format(Locale.ROOT, "  scored %s on %d test examples in %.1f s (%s): unified score %.4f",
                e.jobId(), e.tasks().values().stream().mapToLong(ModelEvaluated.TaskEvaluation::examples).sum(),
                e.seconds(), e.executionProvider(), e.unifiedScore());
    }

    /** "  evaluation of JOB failed (PROBLEM): REASON". */
    static String failedLine(EvaluationFailed e) {
        return "  evaluation of " + e.jobId() + " failed (" + e.problem() + "): " + e.reason();
    }

    static String multiTaskJob(RunPlanned plan) {
        return plan.jobs().stream().filter(j -> j.kind() == RunPlanned.JobKind.MULTI_TASK)
                .map(RunPlanned.JobPlan::jobId).findFirst().orElse(null);
    }

    @Override
    public void close() {
        watch.close();
    }
}
