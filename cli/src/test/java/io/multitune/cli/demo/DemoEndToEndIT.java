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
 * The pipeline end to end, as the demo runs it: a real broker, the packaged data-ingest, sampler and trainer as
 * their own processes, the real demo datasets (tiny preset), a multi-task run with baselines, every job trained and
 * its model written. The broker listens where {@code KAFKA_BOOTSTRAP_SERVERS} (set by failsafe) says, because the
 * demo's clients read it from the environment; the services get free ports and a temporary artifact root.
 */
class DemoEndToEndIT {
    private static final List<String> SERVICES = List.of("data-ingest", "sampler", "trainer");

    @TempDir
    Path dir;

    @Test
    void theDemoRunIsPlannedAndEveryJobTrainedAcrossTheRealServices() throws Exception {
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
                services.add(launcher.start(name, Map.of("MULTITUNE_ARTIFACT_ROOT", artifacts.toString()),
                        Processes.freePort()).stopOnExit());
            }

            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            DemoContext ctx = new DemoContext(layout.root(), layout.stateDir().resolve("demo-data"), DemoPreset.TINY,
                    Duration.ofMinutes(3), Duration.ofMinutes(3), new PrintStream(printed, true, StandardCharsets.UTF_8));
            ctx.trainTimeout = Duration.ofMinutes(12);
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
        } finally {
            for (ServiceHandle s : services) {
                s.stop();
            }
            broker.stop(Duration.ofSeconds(20));
        }
    }
}
