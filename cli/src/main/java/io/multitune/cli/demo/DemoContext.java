package io.multitune.cli.demo;

import io.multitune.cli.ingest.IngestResult;
import io.multitune.events.DatasetProfiled;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** What the demo's steps share: where things are, the chosen preset, and what earlier steps produced. */
public final class DemoContext {
    private final Path projectRoot;
    private final Path dataDir;
    private final DemoPreset preset;
    private final Duration profileTimeout;
    private final Duration planTimeout;
    private final PrintStream out;
    private boolean startedServices;
    /** Datasets prepared by the prepare step. */
    public final List<DemoDatasets.Prepared> datasets = new ArrayList<>();
    /** What the ingest step sent, in dataset order. */
    public final List<IngestResult> sent = new ArrayList<>();
    /** Complete profiles, in dataset order. */
    public final List<DatasetProfiled> profiles = new ArrayList<>();
    /** The demo run's plan, once the sampler has planned it. */
    public io.multitune.events.RunPlanned plan;
    /** How long the demo waits for the run's jobs to be trained. */
    public Duration trainTimeout = Duration.ofMinutes(60);
    /** How long the demo waits for the evaluator's judgement (and then the bias audit) once training has ended. */
    public Duration evaluateTimeout = Duration.ofMinutes(15);
    /** The run's evaluation, once judged. */
    public io.multitune.events.RunEvaluated evaluation;
    /** The run's bias audit, once audited. */
    public io.multitune.events.RunAudited audit;
    /** The run's end, once the evaluator has ended it as completed. */
    public io.multitune.events.RunCompleted completed;

    public DemoContext(Path projectRoot, Path dataDir, DemoPreset preset, Duration profileTimeout,
                       Duration planTimeout, PrintStream out) {
        this.projectRoot = projectRoot;
        this.dataDir = dataDir;
        this.preset = preset;
        this.profileTimeout = profileTimeout;
        this.planTimeout = planTimeout;
        this.out = out;
    }

    public Path projectRoot() {
        return projectRoot;
    }

    /** Where demo data is fetched and converted: {@code <root>/.multitune/demo-data} unless told otherwise. */
    public Path dataDir() {
        return dataDir;
    }

    public DemoPreset preset() {
        return preset;
    }

    public Duration profileTimeout() {
        return profileTimeout;
    }

    /** How long the run step waits for the sampler's plan. */
    public Duration planTimeout() {
        return planTimeout;
    }

    public PrintStream out() {
        return out;
    }

    /** Whether the demo (tried to) start the broker and services, so that it may stop them at the end. */
    public boolean startedServices() {
        return startedServices;
    }

    public void markStarted() {
        startedServices = true;
    }

    /** Prints a detail line of the running step, indented under the step lines. */
    public void detail(String line) {
        out.println("      " + line);
    }
}
