package io.multitune.auditor;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.multitune.events.EvaluationFailed;
import io.multitune.events.ModelAudited;
import io.multitune.events.RunAudited;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Domain metrics of the bias auditor on /q/metrics: models audited (by kind) and failed (by problem), model inputs
 * run, audit time and speed, runs audited (by verdict), and per task and model kind the latest counterfactual flip
 * rate.
 */
@ApplicationScoped
public class AuditorMetrics {
    private static final String FLIP_RATE = "counterfactual-flip-rate";

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, AtomicReference<Double>> gauges = new ConcurrentHashMap<>();
    private final Timer auditTime;

    AuditorMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.auditTime = Timer.builder("multitune.auditor.audit.time")
                .description("Wall time of auditing one model").register(registry);
    }

    void modelAudited(ModelAudited e) {
        counter("models." + e.kind(), "multitune.auditor.models.audited", "Models audited for bias",
                Map.of("kind", e.kind().name())).increment();
        counter("inputs", "multitune.auditor.inputs", "Model inputs run for audits (sources, counterfactuals,"
                + " occlusions)", Map.of()).increment(e.inputs());
        auditTime.record((long) (e.seconds() * 1e9), TimeUnit.NANOSECONDS);
        gauge("multitune.auditor.inputs.per.second", "Model inputs per second, latest audit", Map.of())
                .set(e.seconds() > 0 ? e.inputs() / e.seconds() : Double.NaN);
        e.tasks().forEach((task, audit) -> {
            if (audit.counterfactual() != null && audit.counterfactual().figures().containsKey(FLIP_RATE)) {
                Double value = audit.counterfactual().figures().get(FLIP_RATE).value();
                gauge("multitune.auditor.task.flip.rate", "Latest counterfactual flip rate of the task",
                        Map.of("task", task, "kind", e.kind().name())).set(value == null ? Double.NaN : value);
            }
        });
    }

    void auditFailed(EvaluationFailed.Problem problem) {
        counter("failed." + problem, "multitune.auditor.models.failed", "Models that could not be audited",
                Map.of("problem", problem.name())).increment();
    }

    void runAudited(RunAudited e) {
        String verdict = e.verdict().pass() ? "pass" : "fail";
        counter("runs." + verdict, "multitune.auditor.runs.audited", "Runs audited by the bias gate",
                Map.of("verdict", verdict)).increment();
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
