package io.multitune.cli.demo;

import io.multitune.events.RunRequest;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine;

/** How big the demo is. */
public enum DemoPreset {
    /** Smaller Brown extracts (600 POS sentences, 400 genre passages) and a 30-step run of 16-example batches. */
    TINY(new DemoDatasets.Limits(600, 400), new RunRequest.Budget(30L, null), 16),
    /**
     * 4,000 POS sentences, 3,000 genre passages, and a run of 200 steps of 16 examples: about 40 % of an epoch, so
     * that the multi-task job and its three baselines train in minutes on a laptop's CPU.
     */
    DEFAULT(DemoDatasets.Limits.DEFAULT, new RunRequest.Budget(200L, null), 16);

    private final DemoDatasets.Limits limits;
    private final RunRequest.Budget runBudget;
    private final Integer runBatchSize;

    DemoPreset(DemoDatasets.Limits limits, RunRequest.Budget runBudget, Integer runBatchSize) {
        this.limits = limits;
        this.runBudget = runBudget;
        this.runBatchSize = runBatchSize;
    }

    public DemoDatasets.Limits limits() {
        return limits;
    }

    /** The training budget of the demo's run. */
    public RunRequest.Budget runBudget() {
        return runBudget;
    }

    /** The batch size of the demo's run; null for the sampler's default. */
    public Integer runBatchSize() {
        return runBatchSize;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses "tiny" or "default", any case. */
    public static DemoPreset parse(String name) {
        return Arrays.stream(values()).filter(p -> p.name().equalsIgnoreCase(name.trim())).findFirst()
                .orElseThrow(() -> new CommandLine.TypeConversionException("unknown preset '" + name
                        + "', expected one of " + Arrays.stream(values()).map(DemoPreset::wireName)
                        .collect(Collectors.joining(", "))));
    }

    /** Picocli converter for --preset. */
    public static final class Converter implements CommandLine.ITypeConverter<DemoPreset> {
        @Override
        public DemoPreset convert(String value) {
            return parse(value);
        }
    }
}
