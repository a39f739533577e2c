package io.multitune.evaluator;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.multitune.events.EvaluationFailed;
import io.multitune.events.ModelEvaluated;
import io.multitune.events.RunCompleted;
import io.multitune.events.RunEvaluated;
import io.multitune.events.RunFailed;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Domain metrics of the evaluator on /q/metrics: models evaluated (by kind) and failed (by problem), test examples
 * scored, scoring time and speed, runs judged (by verdict), and per task and model kind the latest primary metric;
 * the latest run's unified score and Δm; runs ended (completed by verdict, failed by stage) and runs still open.
 */
@ApplicationScoped
public class EvaluatorMetrics {
    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, AtomicReference<Double>> gauges = new ConcurrentHashMap<>();
    private final Timer scoringTime;

    EvaluatorMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.scoringTime = Timer.builder("multitune.evaluator.scoring.time")
                .description("Wall time of scoring one model on its test set").register(registry);
    }

    void modelEvaluated(ModelEvaluated e) {
        counter("models." + e.kind(), "multitune.evaluator.models.evaluated", "Models scored on their test set",
                Map.of("kind", e.kind().name())).increment();
        long examples = e.tasks().values().stream().mapToLong(ModelEvaluated.TaskEvaluation::examples).sum();
        counter("examples", "multitune.evaluator.examples.scored", "Test examples scored", Map.of())
                .increment(examples);
        scoringTime.record((long) (e.seconds() * 1e9), TimeUnit.NANOSECONDS);
        gauge("multitune.evaluator.examples.per.second", "Test examples scored per second, latest model", Map.of())
                .set(e.examplesPerSecond());
        e.tasks().forEach((task, t) -> gauge("multitune.evaluator.task.score", "Latest primary metric of the task",
                Map.of("task", task, "kind", e.kind().name())).set(t.primary()));
    }

    void evaluationFailed(EvaluationFailed.Problem problem) {
        counter("failed." + problem, "multitune.evaluator.models.failed", "Models that could not be evaluated",
                Map.of("problem", problem.name())).increment();
    }

    void runJudged(RunEvaluated e) {
        String verdict = e.verdict().pass() ? "pass" : "fail";
        counter("runs." + verdict, "multitune.evaluator.runs.judged", "Runs judged by the gate",
                Map.of("verdict", verdict)).increment();
        gauge("multitune.evaluator.unified.score", "Unified score of the latest judged run's multi-task model",
                Map.of()).set(e.unifiedScore());
        gauge("multitune.evaluator.delta.m.percent", "Δm of the latest judged run, percent", Map.of())
                .set(e.deltaMPercent() == null ? Double.NaN : e.deltaMPercent());
    }

    void runEnded(RunCompleted e) {
        runEnded("completed", e.pass() ? "pass" : "fail", "none");
    }

    void runEnded(RunFailed e) {
        runEnded("failed", "none", e.stage().name());
    }

    private void runEnded(String outcome, String verdict, String stage) {
        counter("ended." + outcome + "." + verdict + "." + stage, "multitune.runs.ended",
                "Runs ended, by outcome and verdict or stage",
                Map.of("outcome", outcome, "verdict", verdict, "stage", stage)).increment();
    }

    void runsOpen(int open) {
        gauge("multitune.runs.open", "Runs followed by the lifecycle and not ended", Map.of()).set((double) open);
    }

    private Counter counter(String key, String name, String description, Map<String, String> tags) {
        return counters.computeIfAbsent(key, k -> {
            Counter.Builder b = Counter.builder(name).description(description);
            tags.forEach(b::tag);
            return b.register(registry);
        });
    }

    private AtomicReference<Double> gauge(String name, String description, Map<String, String> tags) {
        return gauges.computeIfAbsent(name + tags, k -> {
            AtomicReference<Double> value = new AtomicReference<>(Double.NaN);
            Gauge.Builder<AtomicReference<Double>> b = Gauge.builder(name, value, AtomicReference::get)
                    .description(description);
            tags.forEach(b::tag);
            b.register(registry);
            return value;
        });
    }
}
