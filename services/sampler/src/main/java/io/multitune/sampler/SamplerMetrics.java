package io.multitune.sampler;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.multitune.events.RunRejected;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Domain metrics of the sampler on /q/metrics: pool size, runs planned and rejected (by reason), requests waiting,
 * jobs active, and batches and examples published per job kind.
 */
@ApplicationScoped
public class SamplerMetrics {
    private final MeterRegistry registry;
    private final AtomicLong poolExamples = new AtomicLong();
    private final AtomicLong waitingRuns = new AtomicLong();
    private final AtomicLong activeJobs = new AtomicLong();
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    SamplerMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("multitune.sampler.pool.examples", poolExamples, AtomicLong::get)
                .description("Live examples in the sampler's pools (all datasets, all splits)").register(registry);
        Gauge.builder("multitune.sampler.runs.waiting", waitingRuns, AtomicLong::get)
                .description("Run requests waiting for their datasets' profiles").register(registry);
        Gauge.builder("multitune.sampler.jobs.active", activeJobs, AtomicLong::get)
                .description("Jobs with batches still to publish").register(registry);
    }

    void poolExamples(long n) {
        poolExamples.set(n);
    }

    void waitingRuns(long n) {
        waitingRuns.set(n);
    }

    void activeJobs(long n) {
        activeJobs.set(n);
    }

    void runPlanned() {
        counter("multitune.sampler.runs.planned", "Runs planned").increment();
    }

    void runRejected(RunRejected.Reason firstReason) {
        counters.computeIfAbsent("rejected." + firstReason, k -> Counter.builder("multitune.sampler.runs.rejected")
                .description("Run requests rejected, by the reason of their first problem")
                .tag("reason", firstReason.name()).register(registry)).increment();
    }

    void batchPublished(String jobKind, int examples) {
        counters.computeIfAbsent("batches." + jobKind, k -> Counter.builder("multitune.sampler.batches.published")
                .description("Batches published").tag("kind", jobKind).register(registry)).increment();
        counters.computeIfAbsent("examples." + jobKind, k -> Counter.builder("multitune.sampler.examples.published")
                .description("Examples published inside batches").tag("kind", jobKind).register(registry))
                .increment(examples);
    }

    void publishFailed() {
        counter("multitune.sampler.publish.failures", "Batches the broker did not acknowledge").increment();
    }

    private Counter counter(String name, String description) {
        return counters.computeIfAbsent(name, k -> Counter.builder(name).description(description).register(registry));
    }
}
