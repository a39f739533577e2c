package io.multitune.cli.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multitune.cli.broker.LocalBroker;
import io.multitune.cli.common.KafkaSettings;
import io.multitune.cli.common.Processes;
import io.multitune.cli.common.ProjectLayout;
import io.multitune.cli.common.TopicProvisioning;
import io.multitune.cli.run.JobStatus;
import io.multitune.cli.run.TrainingWatch;
import io.multitune.cli.services.ServiceHandle;
import io.multitune.cli.services.ServiceLauncher;
import io.multitune.events.ModelTrained;
import io.multitune.events.RunAudited;
import io.multitune.events.RunCompleted;
import io.multitune.events.RunEvaluated;
import io.multitune.events.RunPlanned;
import io.multitune.events.TrainingEnded;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The pipeline end to end, as the demo runs it: a real broker, the packaged data-ingest, sampler, trainer and
 * evaluator and bias auditor as their own processes, the real demo datasets (tiny preset), a multi-task run with
 * baselines, every job trained and its model written, every model scored and audited, the run judged and audited,
 * both reports served, and the run ended by one run-completed event, with counts that add up at every stage. The
 * broker listens where {@code KAFKA_BOOTSTRAP_SERVERS} (set by failsafe) says, because the demo's clients read it
 * from the environment; the services get free ports and a temporary artifact root.
 */
class DemoEndToEndIT {
    private static final List<String> SERVICES = List.of("data-ingest", "sampler", "trainer", "evaluator",
            "bias-auditor");

    @TempDir
    Path dir;

    @Test
    void theDemoRunIsPlannedTrainedAndJudgedAcrossTheRealServices() throws Exception {
        String bootstrap = System.getenv(KafkaSettings.BOOTSTRAP_ENV);
        assertNotNull(bootstrap, "run through failsafe, which sets " + KafkaSettings.BOOTSTRAP_ENV);
        int port = Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1));
        Path artifacts = dir.resolve("artifacts");
        LocalBroker.Handle broker = LocalBroker.start(dir.resolve("broker"), port).stopOnExit();
        List<ServiceHandle> services = new ArrayList<>();
        try {
            KafkaSettings kafka = KafkaSettings.forBootstrap(bootstrap);
            TopicProvisioning.ensureTopics(kafka);
            ProjectLayout layout = ProjectLayout.detect();
            ServiceLauncher launcher = new ServiceLauncher(layout, kafka);
            for (String name : SERVICES) {
                // The tiny preset trains 30 steps: the trainer measures gradient conflicts every 10 so the report
                // has a conflict matrix to draw (the default, every 50, would measure none).
                Map<String, String> env = new java.util.HashMap<>(Map.of("MULTITUNE_ARTIFACT_ROOT",
                        artifacts.toString()));
                if (name.equals("trainer")) {
                    env.put("MULTITUNE_TRAINER_CONFLICTS_EVERY", "10");
                }
                services.add(launcher.start(name, env, Processes.freePort()).stopOnExit());
            }

            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            DemoContext ctx = new DemoContext(layout.root(), layout.stateDir().resolve("demo-data"), DemoPreset.TINY,
                    Duration.ofMinutes(3), Duration.ofMinutes(3), new PrintStream(printed, true, StandardCharsets.UTF_8));
            ctx.trainTimeout = Duration.ofMinutes(12);
            ctx.evaluateTimeout = Duration.ofMinutes(5);
            DemoCommand demo = new DemoCommand();
            new CommandLine(demo).parseArgs("--no-build", "--no-start", "--preset", "tiny");
            for (DemoStep step : demo.steps()) {
                String summary = step.run(ctx);
                System.out.println(step.name() + ": " + summary);
            }
            String text = printed.toString(StandardCharsets.UTF_8);
            System.out.println(text);

            RunPlanned plan = ctx.plan;
            assertNotNull(plan, "the run was planned");
            assertEquals(4, plan.jobs().size(), "one multi-task job and three baselines");
            List<JobStatus> jobs;
            try (TrainingWatch watch = new TrainingWatch(kafka.clientConfig())) {
                jobs = watch.follow(plan, Duration.ofSeconds(30), new java.io.PrintWriter(new java.io.StringWriter()),
                        false);
            }
            for (JobStatus job : jobs) {
                assertTrue(job.done(), job.job().jobId() + " ended");
                assertTrue(job.ended().outcome() != TrainingEnded.Outcome.FAILED, job.ended().message());
                assertEquals(job.job().tasks().size(), job.validation().size(), "every task validated");
                ModelTrained model = job.model();
                assertNotNull(model, job.job().jobId() + " has a model");
                assertEquals(job.job().tasks().stream().map(RunPlanned.TaskPlan::taskId).toList(), model.taskIds());
                for (String role : List.of("model", "adapters", "manifest")) {
                    ModelTrained.Artifact a = model.artifact(role).orElseThrow(() -> new AssertionError(role));
                    byte[] bytes = Files.readAllBytes(artifacts.resolve(a.path()));
                    assertEquals(a.bytes(), bytes.length, a.path());
                    assertEquals(a.sha256(), HexFormat.of().formatHex(
                            MessageDigest.getInstance("SHA-256").digest(bytes)), a.path());
                }
            }
            assertTrue(text.contains("completed"), text);
            assertJudged(ctx, plan, artifacts, text, services.get(SERVICES.indexOf("evaluator")));
            assertAudited(ctx, plan, artifacts, text, services.get(SERVICES.indexOf("bias-auditor")));
            assertCompleted(ctx, plan, artifacts, text, services.get(SERVICES.indexOf("evaluator")));
            new PipelineCounts(kafka.clientConfig()).assertAddUp(plan, ctx.completed.jobs().stream()
                    .filter(j -> j.training() == TrainingEnded.Outcome.COMPLETED)
                    .map(RunCompleted.JobOutcome::jobId).collect(java.util.stream.Collectors.toSet()));
        } finally {
            for (ServiceHandle s : services) {
                System.out.println("--- log of " + s.name() + " (last lines)");
                List<String> lines = Files.exists(s.logFile()) ? Files.readAllLines(s.logFile()) : List.of();
                lines.subList(Math.max(0, lines.size() - 15), lines.size()).forEach(System.out::println);
                s.stop();
            }
            broker.stop(Duration.ofSeconds(20));
        }
    }

    /** Every task compared with its trained baseline, the verdict printed, the report on disk and over HTTP. */
    private static void assertJudged(DemoContext ctx, RunPlanned plan, Path artifacts, String text,
                                     ServiceHandle evaluator) throws Exception {
        RunEvaluated evaluated = ctx.evaluation;
        assertNotNull(evaluated, "the evaluator judged the run");
        assertEquals(plan.jobs().get(0).tasks().stream().map(RunPlanned.TaskPlan::taskId).toList(),
                evaluated.tasks().stream().map(RunEvaluated.TaskOutcome::taskId).toList());
        assertEquals(List.of(), evaluated.missingBaselines(), "every baseline was trained and scored");
        for (RunEvaluated.TaskOutcome task : evaluated.tasks()) {
            assertNotNull(task.stl(), task.taskId());
            assertTrue(task.ciLower() <= task.ciUpper(), task.toString());
        }
        assertNotNull(evaluated.deltaMPercent());
        assertTrue(evaluated.unifiedScore() > 0 && evaluated.unifiedScore() <= 1);
        assertTrue(text.contains("verdict: " + (evaluated.verdict().pass() ? "PASS" : "FAIL")), text);
        assertTrue(text.contains("Δm: "), text);
        assertOnDiskAndServed(artifacts, evaluated.report(), evaluator.baseUrl() + "/runs/" + plan.runId()
                + "/report",
                List.of("chart-mtl-vs-baseline", "chart-task-weights", "chart-conflict-matrix", "chart-training-curve",
                        "data-verdict=\"" + (evaluated.verdict().pass() ? "pass" : "fail")));
    }

    /** Every audited task compared with its baseline, the bias verdict printed, the bias report on disk and served. */
    private static void assertAudited(DemoContext ctx, RunPlanned plan, Path artifacts, String text,
                                      ServiceHandle auditor) throws Exception {
        RunAudited audited = ctx.audit;
        assertNotNull(audited, "the bias auditor audited the run");
        assertEquals(List.of(), audited.missingBaselines(), "every baseline was trained and audited");
        assertEquals(List.of(), audited.notAudited(), "the demo's tasks are all classification or tagging");
        for (String task : List.of("sentiment", "pos", "genre")) {
            assertTrue(audited.transfer().stream().anyMatch(r -> r.taskId().equals(task) && r.baseline() != null),
                    task + " has a bias transfer row against its baseline: " + audited.transfer());
        }
        assertTrue(audited.representation().stream().anyMatch(r -> r.category().equals("gender")),
                audited.representation()::toString);
        assertTrue(text.contains("bias verdict: " + (audited.verdict().pass() ? "PASS" : "FAIL")), text);
        assertOnDiskAndServed(artifacts, audited.report(), auditor.baseUrl() + "/runs/" + plan.runId()
                + "/bias-report", List.of("chart-bias-transfer", "chart-counterfactual-flips", "chart-representation",
                "id=\"bias-verdict\""));
    }

    /** One run-completed event, both verdicts joined, every planned job trained, evaluated and audited. */
    private static void assertCompleted(DemoContext ctx, RunPlanned plan, Path artifacts, String text,
                                        ServiceHandle evaluator) throws Exception {
        RunCompleted completed = ctx.completed;
        assertNotNull(completed, "the run ended as completed");
        assertEquals(ctx.evaluation.verdict().pass() && ctx.audit.verdict().pass(), completed.pass());
        assertEquals(ctx.evaluation.verdict(), completed.evaluationVerdict());
        assertEquals(ctx.audit.verdict(), completed.biasVerdict());
        assertEquals(plan.jobs().stream().map(RunPlanned.JobPlan::jobId).toList(),
                completed.jobs().stream().map(RunCompleted.JobOutcome::jobId).toList());
        for (RunCompleted.JobOutcome job : completed.jobs()) {
            if (job.training() == TrainingEnded.Outcome.COMPLETED) {
                assertEquals(job.plannedSteps(), job.trainedSteps(), job.jobId() + " trained every planned step");
            } else {
                assertEquals(TrainingEnded.Outcome.EARLY_STOPPED, job.training(), job.toString());
            }
            assertTrue(job.evaluated() && job.audited(), job.toString());
            assertEquals(List.of(), job.problems(), job.jobId());
        }
        assertTrue(text.contains("run " + plan.runId() + " completed: " + (completed.pass() ? "PASS" : "FAIL")),
                text);
        assertOnDiskAndServed(artifacts, completed.report(), evaluator.baseUrl() + "/runs/" + plan.runId()
                + "/run-report", List.of("chart-mtl-vs-baseline", "id=\"verdict\"", "id=\"bias-verdict\"",
                "chart-bias-transfer"));
    }

    /** The report is on disk with the event's SHA-256 and served over HTTP with every part named. */
    private static void assertOnDiskAndServed(Path artifacts, ModelTrained.Artifact report, String url,
                                              List<String> parts) throws Exception {
        byte[] bytes = Files.readAllBytes(artifacts.resolve(report.path()));
        assertEquals(report.sha256(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        java.net.http.HttpResponse<String> served = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, served.statusCode(), url);
        for (String part : parts) {
            assertTrue(served.body().contains(part), url + ": " + part);
        }
    }
}
