package io.multitune.cli.run;

import io.multitune.events.PipelineEvent;
import io.multitune.events.RunPlanned;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Follows a planned run on a service's topic until the service's verdict on the run arrives, or the run's multi-task
 * model fails there (nothing more can come then), printing a line per model result and per failure. The evaluator's
 * and the bias auditor's watches are this one with their own event types and lines.
 *
 * @param <V> the verdict on the run
 * @param <M> a model's result
 * @param <F> a model's failure
 */
final class VerdictWatch<V extends PipelineEvent, M extends PipelineEvent, F extends PipelineEvent>
        implements AutoCloseable {

    /** The service's events and how each prints. */
    record Kinds<V, M, F>(String topic, String consumerGroup, Class<V> verdict, Class<M> model, Class<F> failure,
                          Function<M, String> modelLine, Function<F, String> failureLine,
                          Function<F, String> failedJob) {
    }

    /** What the service said; {@code verdict} is null when it gave none in time. */
    record Outcome<V, M, F>(V verdict, List<M> models, List<F> failures) {
    }

    private final Kinds<V, M, F> kinds;
    private final RunEventsWatch watch;

    VerdictWatch(Map<String, Object> connection, Kinds<V, M, F> kinds) {
        this.kinds = kinds;
        this.watch = new RunEventsWatch(connection, kinds.topic(), kinds.consumerGroup());
    }

    /** Waits for the verdict, or the multi-task model's failure, or {@code timeout}. */
    Outcome<V, M, F> follow(RunPlanned plan, Duration timeout, PrintWriter out) {
        String mtlJob = multiTaskJob(plan);
        List<M> models = new ArrayList<>();
        List<F> failures = new ArrayList<>();
        List<V> verdict = new ArrayList<>(1);
        watch.follow(plan, timeout, event -> {
            boolean done = false;
            if (kinds.verdict().isInstance(event)) {
                verdict.add(kinds.verdict().cast(event));
                done = true;
            } else if (kinds.model().isInstance(event)) {
                M m = kinds.model().cast(event);
                models.add(m);
                out.println(kinds.modelLine().apply(m));
            } else if (kinds.failure().isInstance(event)) {
                F f = kinds.failure().cast(event);
                failures.add(f);
                out.println(kinds.failureLine().apply(f));
                done = mtlJob != null && mtlJob.equals(kinds.failedJob().apply(f));
            }
            out.flush();
            return done;
        });
        return new Outcome<>(verdict.isEmpty() ? null : verdict.get(0), models, failures);
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
