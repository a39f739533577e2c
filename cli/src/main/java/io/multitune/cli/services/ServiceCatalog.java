package io.multitune.cli.services;

import io.multitune.cli.common.CliException;
import io.multitune.cli.common.ProjectLayout;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The services of the pipeline, in start order. Only those whose module exists in the repository are
 * {@linkplain #available() available}; a service is added by one line in {@link #ALL}.
 */
public final class ServiceCatalog {
    /** The sampler's name: the CLI's run commands and the demo look for it. */
    public static final String SAMPLER = "sampler";

    /** The JDK's incubating Vector API module, which the trainer's dropout uses when the JVM adds it. */
    public static final String VECTOR_MODULE = "jdk.incubator.vector";

    /** The heap of the two services that handle every example, with each one's compiler option. */
    private static List<String> streamingHeapWith(String compiler) {
        return List.of("-XX:+UseParallelGC", "-Xms1536m", "-Xmn1g", "-XX:+AlwaysPreTouch", compiler);
    }

    /** Every service of the design, in pipeline order, with its default HTTP port. */
    public static final List<ServiceDefinition> ALL = List.of(
            // Parallel GC: data-ingest allocates a few KB per record and G1's barriers and refinement threads
            // doubled its CPU per record in `bench ingest` on 2 cores (77 vs 38 us/record). A fixed 1 GB young
            // generation: each young collection copies what is in flight plus the ledger entries added since the
            // last one, so few large collections cost far less than many small ones (ingest CPU per record fell
            // by a third); pre-touched, so the first pass through it takes no page faults while ingesting.
            // C2 only: with tiered compilation the compilers still took 0.3-0.7 of a core after 300k records, as
            // profiled code was compiled again and again; C2 alone compiles only the hot path, once (bench ingest:
            // 3.0-4.0 vs 4.2-5.1 CPU s per 100k records; warmed up, 2.3 vs 3.5-3.9), for ~0.7 s longer start-up.
            new ServiceDefinition("data-ingest", "services/data-ingest", 8081,
                    streamingHeapWith("-XX:-TieredCompilation")),
            // The same heap for the sampler, which reads every example into its pools and writes each into batches
            // (its CPU per example in `bench sampler` fell from 110 to 90 us). C1 only: a run is one pass over a
            // pool, and in a fresh sampler's first pass the C2 compiler took half the process's CPU (9.3 s vs 4.7 s
            // per 100k examples, ratio 0.58 vs 0.85); warmed up, C1 code used no more CPU than C2's (4.0 vs 4.3 s).
            new ServiceDefinition(SAMPLER, "services/sampler", 8082, streamingHeapWith("-XX:TieredStopAtLevel=1")),
            // The incubating Vector API draws dropout masks 5-8x faster on AVX2 or AVX-512 (encoder.model.Dropouts).
            new ServiceDefinition("trainer", "services/trainer", 8083, List.of("--add-modules", VECTOR_MODULE)),
            new ServiceDefinition("evaluator", "services/evaluator", 8084),
            new ServiceDefinition("bias-auditor", "services/bias-auditor", 8085));

    private final ProjectLayout layout;
    private final List<ServiceDefinition> available;

    public ServiceCatalog(ProjectLayout layout) {
        this(layout, ALL);
    }

    ServiceCatalog(ProjectLayout layout, List<ServiceDefinition> all) {
        this.layout = layout;
        this.available = all.stream().filter(s -> s.exists(layout.root())).toList();
    }

    /** The services whose module exists, in pipeline order. */
    public List<ServiceDefinition> available() {
        return available;
    }

    /** The available service of that name. */
    public Optional<ServiceDefinition> find(String name) {
        return available.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /**
     * The available service of that name.
     *
     * @throws CliException naming the available services if there is none
     */
    public ServiceDefinition require(String name) {
        return find(name).orElseThrow(() -> {
            boolean planned = ALL.stream().anyMatch(s -> s.name().equals(name));
            String names = available.stream().map(ServiceDefinition::name).collect(Collectors.joining(", "));
            return new CliException((planned ? "service " + name + " is not in this repository yet"
                    : "unknown service " + name) + "; available: " + (names.isEmpty() ? "none" : names));
        });
    }

    /** The named services (all available ones when {@code names} is empty), in pipeline order. */
    public List<ServiceDefinition> select(List<String> names) {
        if (names == null || names.isEmpty()) {
            return available;
        }
        names.forEach(this::require);
        return available.stream().filter(s -> names.contains(s.name())).toList();
    }

    ProjectLayout layout() {
        return layout;
    }
}
