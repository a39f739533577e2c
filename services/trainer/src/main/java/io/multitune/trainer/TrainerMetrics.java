package io.multitune.trainer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.multitune.events.RunPlanned.JobKind;
import io.multitune.events.TrainingEnded.Outcome;
import io.multitune.events.ValidationReported;
import io.multitune.training.TrainingTelemetry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Domain metrics of the trainer on /q/metrics: jobs queued and ended (by outcome), training steps and examples
 * (by job kind), step and checkpoint time, samples per second, and per task of the job in training its latest
 * training loss, weight and validation score.
 */
@ApplicationScoped
public class TrainerMetrics {
    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, AtomicReference<Double>> taskGauges = new ConcurrentHashMap<>();
    private final AtomicLong busy = new AtomicLong();
    private final AtomicReference<Double> samplesPerSecond = new AtomicReference<>(0.0);
    private final Timer stepTime;
    private final Timer checkpointTime;

    TrainerMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.stepTime = Timer.builder("multitune.trainer.step.time").description("Wall time of one training step")
                .register(registry);
        this.checkpointTime = Timer.builder("multitune.trainer.checkpoint.time")
                .description("Wall time of writing one checkpoint").register(registry);
        Gauge.builder("multitune.trainer.jobs.active", busy, AtomicLong::get)
                .description("Jobs this replica is training (0 or 1)").register(registry);
        Gauge.builder("multitune.trainer.samples.per.second", samplesPerSecond, AtomicReference::get)
                .description("Examples trained per second of step time, over the latest progress window")
                .register(registry);
    }

    void jobsQueued(int n) {
        counter("queued", "multitune.trainer.jobs.queued", "Job tickets queued from run plans", Map.of())
                .increment(n);
    }

    void busy(boolean training) {
        busy.set(training ? 1 : 0);
    }

    void stepped(JobKind kind, int examples, long nanos) {
        counter("steps." + kind, "multitune.trainer.steps", "Training steps applied", Map.of("kind", kind.name()))
                .increment();
        counter("examples." + kind, "multitune.trainer.examples", "Training examples applied",
                Map.of("kind", kind.name())).increment(examples);
        stepTime.record(nanos, TimeUnit.NANOSECONDS);
    }

    void checkpointed(long nanos) {
        checkpointTime.record(nanos, TimeUnit.NANOSECONDS);
    }

    void ended(JobKind kind, Outcome outcome) {
        counter("ended." + kind + outcome, "multitune.trainer.jobs.ended", "Jobs ended",
                Map.of("kind", kind.name(), "outcome", outcome.name())).increment();
    }

    void progressed(TrainingTelemetry t) {
        samplesPerSecond.set(t.samplesPerSecond());
        t.taskLoss().forEach((task, loss) -> task("multitune.trainer.task.loss", "Mean training loss of the task "
                + "over the latest progress window", task).set(loss));
        t.taskWeight().forEach((task, weight) -> task("multitune.trainer.task.weight", "The weighting strategy's "
                + "current weight of the task", task).set(weight));
    }

    void validated(String jobId, Map<String, ValidationReported.TaskResult> results) {
        results.forEach((task, r) -> {
            if (r.score() != null) {
                task("multitune.trainer.task.validation.score", "The task's main validation metric in the latest "
                        + "round", task).set(r.score());
            }
        });
    }

    private AtomicReference<Double> task(String name, String description, String task) {
        return taskGauges.computeIfAbsent(name + "/" + task, k -> {
            AtomicReference<Double> value = new AtomicReference<>(Double.NaN);
            Gauge.builder(name, value, AtomicReference::get).description(description).tag("task", task)
                    .register(registry);
            return value;
        });
    }

    private Counter counter(String key, String name, String description, Map<String, String> tags) {
        return counters.computeIfAbsent(key, k -> {
            Counter.Builder builder = Counter.builder(name).description(description);
            tags.forEach(builder::tag);
            return builder.register(registry);
        });
    }
}
