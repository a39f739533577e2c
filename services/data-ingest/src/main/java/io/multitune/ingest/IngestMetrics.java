package io.multitune.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.multitune.events.DatasetProfiled;
import io.multitune.events.RejectReason;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Domain metrics of data-ingest, per dataset, on /q/metrics:
 * {@code multitune_ingest_records_{received,accepted,rejected,duplicates,leakage_removed}_total} and
 * {@code multitune_ingest_profiles_emitted_total}. Counters are cached per dataset because the registry lookup
 * would otherwise sit on the per-record hot path.
 */
@Singleton
public class IngestMetrics {
    private final MeterRegistry registry;
    private final Map<String, DatasetCounters> perDataset = new ConcurrentHashMap<>();
    private final Map<String, Counter> rejected = new ConcurrentHashMap<>();

    IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void received(String dataset, int n) {
        counters(dataset).received.increment(n);
    }

    void accepted(String dataset) {
        counters(dataset).accepted.increment();
    }

    void duplicate(String dataset) {
        counters(dataset).duplicates.increment();
    }

    void leakageRemoved(String dataset, long n) {
        if (n > 0) {
            counters(dataset).leakage.increment(n);
        }
    }

    void rejected(String dataset, RejectReason reason) {
        rejected.computeIfAbsent(dataset + '\u0000' + reason, k -> Counter.builder("multitune.ingest.records.rejected")
                .description("Raw records sent to the dead-letter topic")
                .tag("dataset", dataset).tag("reason", reason.name()).register(registry)).increment();
    }

    void profileEmitted(String dataset, DatasetProfiled.Trigger trigger) {
        registry.counter("multitune.ingest.profiles.emitted", "dataset", dataset, "trigger", trigger.name()).increment();
    }

    private DatasetCounters counters(String dataset) {
        return perDataset.computeIfAbsent(dataset, d -> new DatasetCounters(registry, d));
    }

    private static final class DatasetCounters {
        final Counter received;
        final Counter accepted;
        final Counter duplicates;
        final Counter leakage;

        DatasetCounters(MeterRegistry registry, String dataset) {
            received = counter(registry, "received", "Raw records received", dataset);
            accepted = counter(registry, "accepted", "Raw records that became standard examples", dataset);
            duplicates = counter(registry, "duplicates", "Raw records that repeated an existing example", dataset);
            leakage = counter(registry, "leakage.removed", "Examples removed because their input is in a "
                    + "higher-priority split", dataset);
        }

        private static Counter counter(MeterRegistry registry, String name, String doc, String dataset) {
            return Counter.builder("multitune.ingest.records." + name).description(doc).tag("dataset", dataset)
                    .register(registry);
        }
    }
}
