package io.multitune.cli.run;

import io.multitune.events.EvaluationFailed;
import io.multitune.events.ModelEvaluated;
import io.multitune.events.RunEvaluated;
import io.multitune.events.RunPlanned;
import io.multitune.events.Topics;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Follows a planned run on the evaluations topic until the evaluator has judged it, or could not (its multi-task
 * model failed evaluation), printing a line per model as it is scored.
 */
public final class EvaluationWatch implements AutoCloseable {
    private final VerdictWatch<RunEvaluated, ModelEvaluated, EvaluationFailed> watch;

    /** What the service said about a run. {@code evaluated} is null when it gave no verdict in time. */
    public record Outcome(RunEvaluated evaluated, List<ModelEvaluated> models, List<EvaluationFailed> failures) {
    }

    public EvaluationWatch(Map<String, Object> connection) {
        this.watch = new VerdictWatch<>(connection, new VerdictWatch.Kinds<>(Topics.EVALUATIONS,
                "multitune-evaluation-watch", RunEvaluated.class, ModelEvaluated.class, EvaluationFailed.class,
                EvaluationWatch::scoredLine, EvaluationWatch::failedLine, EvaluationFailed::jobId));
    }

    /** Waits for the run's verdict, or its multi-task model's failure, or {@code timeout}. */
    public Outcome follow(RunPlanned plan, Duration timeout, PrintWriter out) {
        VerdictWatch.Outcome<RunEvaluated, ModelEvaluated, EvaluationFailed> outcome = watch.follow(plan, timeout, out);
        return new Outcome(outcome.verdict(), outcome.models(), outcome.failures());
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


    @Override
    public void close() {
        watch.close();
    }
}
