package io.multitune.cli.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multitune.events.DatasetSpec;
import io.multitune.events.RunRequest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DemoRunStepTest {

    @Test
    void theRunStepFollowsTheProfileReportAndTrainingEvaluationAuditAndTheRunsEndFollowTheRun() {
        DemoCommand demo = new DemoCommand();
        new CommandLine(demo).parseArgs("--no-build", "--no-start");
        List<String> names = demo.steps().stream().map(DemoStep::name).toList();
        assertEquals(List.of("prepare datasets", "ingest", "profiles", "run plan", "training", "evaluation",
                "bias audit", "run end"), names);
        assertEquals(Duration.ofSeconds(180), demo.planTimeout);
        assertEquals(Duration.ofMinutes(60), demo.trainTimeout);
        assertEquals(Duration.ofMinutes(15), demo.evaluateTimeout);
    }

    @Test
    void theRunCoversEveryDemoTaskWithBaselinesAndThePresetsBudget() {
        List<DatasetSpec> specs = List.of(DemoDatasets.sentimentSpec("imdb", "movies"),
                DemoDatasets.sentimentSpec("yelp", "restaurants"), DemoDatasets.brownPosSpec(),
                DemoDatasets.brownGenreSpec(List.of("news")));
        RunRequest tiny = DemoCommand.RunStep.request(DemoPreset.TINY, specs);
        assertEquals(List.of("sentiment", "pos", "genre"),
                tiny.tasks().stream().map(RunRequest.TaskRef::task).toList());
        assertEquals(List.of(List.of("sentiment-imdb", "sentiment-yelp"), List.of("brown-pos"), List.of("brown-genre")),
                tiny.tasks().stream().map(RunRequest.TaskRef::datasets).toList(),
                "held to the demo's own datasets");
        assertEquals(Boolean.TRUE, tiny.baselines());
        assertEquals(new RunRequest.Budget(30L, null), tiny.budget());
        assertEquals(16, tiny.batchSize());
        assertNull(tiny.runId(), "the run id is set when it is sent");

        RunRequest full = DemoCommand.RunStep.request(DemoPreset.DEFAULT, List.of());
        assertNull(full.tasks().get(0).datasets(), "every dataset of the task when the demo has none of it");
        assertEquals(new RunRequest.Budget(200L, null), full.budget());
        assertEquals(16, full.batchSize());
        assertEquals(Boolean.TRUE, full.baselines());
    }

    @Test
    void theDemoTasksAreTheTasksOfItsDatasets() {
        assertEquals(DemoDatasets.TASK_SENTIMENT, DemoDatasets.sentimentSpec("imdb", "movies").taskId());
        assertEquals(DemoDatasets.TASK_POS, DemoDatasets.brownPosSpec().taskId());
        assertEquals(DemoDatasets.TASK_GENRE, DemoDatasets.brownGenreSpec(List.of("news")).taskId());
    }

    @Test
    void skippedWithoutASamplerInTheRepository(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve("services/data-ingest"));
        Files.writeString(root.resolve("services/data-ingest/pom.xml"), "<project/>");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DemoContext ctx = new DemoContext(root, root.resolve("data"), DemoPreset.TINY, Duration.ofSeconds(1),
                Duration.ofSeconds(1), new PrintStream(bytes, true));
        String summary = new DemoCommand.RunStep().run(ctx);
        assertTrue(summary.startsWith("skipped: the sampler service is not in this repository"), summary);
    }
}
