package io.multitune.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.junit.jupiter.api.Test;

class EventRoundTripTest {
    private final EventCodec codec = EventCodec.INSTANCE;

    static DatasetSpec spec() {
        return new DatasetSpec("imdb", "sentiment", TaskType.TEXT_CLASSIFICATION, SourceFormat.JSON,
                Map.of("label", "class"), List.of("negative", "positive"), Map.of("0", "negative", "1", "positive"),
                "movies", new SplitRatios(0.8, 0.1, 0.1), List.of("gender"), "en", null, null, null, null, 5000);
    }

    private <T extends PipelineEvent> T roundTrip(T event) {
        ProducerRecord<String, byte[]> record = codec.record("t", event.subject(), event, "/test");
        @SuppressWarnings("unchecked")
        T back = (T) codec.decode(record.headers(), record.value());
        assertEquals(event, back);
        assertEquals(EventType.of(event.getClass()).ceType(),
                CloudEventHeaders.lastValue(record.headers(), CloudEventHeaders.CE_TYPE));
        return back;
    }

    @Test
    void datasetRegisteredRoundTrips() {
        roundTrip(new DatasetRegistered(1, spec(), Instant.parse("2026-11-26T10:00:00Z")));
    }

    @Test
    void datasetProfiledRoundTrips() {
        roundTrip(new DatasetProfiled(1, "imdb", "sentiment", TaskType.TEXT_CLASSIFICATION, true,
                DatasetProfiled.Trigger.END_OF_IMPORT, Instant.parse("2026-11-26T10:00:00Z"),
                new DatasetProfiled.Counts(10, 7, 2, 1, 1, 6), Map.of("train", 4L, "test", 2L),
                Map.of("train", Map.of("positive", 2L, "negative", 2L)), Map.of("movies", 6L), 1.0,
                new DatasetProfiled.LengthPercentiles(10, 20, 30, 31), new DatasetProfiled.LengthPercentiles(2, 4, 5, 5),
                Map.of("EMPTY_FIELD", 2L), Map.of("gender", Map.of("f", 3L, "m", 3L))));
    }

    @Test
    void standardExampleRoundTripsForEveryInputAndTargetShape() {
        SourcePosition pos = new SourcePosition(Topics.DATA_RAW, 0, 42, 3, "r-7");
        roundTrip(new StandardExample(1, "ex1", "imdb", "sentiment", TaskType.TEXT_CLASSIFICATION, Split.TRAIN,
                ExampleInput.text("good film"), ExampleTarget.label("positive"), "movies", Map.of("gender", "f"), "en", pos, 0.5));
        roundTrip(new StandardExample(1, "ex2", "brown-pos", "pos", TaskType.TOKEN_CLASSIFICATION, Split.TEST,
                ExampleInput.tokens(List.of("The", "dog")), ExampleTarget.tags(List.of("DET", "NOUN")), null, Map.of(),
                "en", pos, null));
        roundTrip(new StandardExample(1, "ex3", "squad", "qa", TaskType.EXTRACTIVE_QA, Split.VALIDATION,
                ExampleInput.questionContext("who?", "Ann did."),
                ExampleTarget.answer(new ExampleTarget.AnswerSpan(0, 3, "Ann")), null, null, "en", pos, null));
        roundTrip(new StandardExample(1, "ex4", "stsb", "sts", TaskType.REGRESSION, Split.TRAIN,
                ExampleInput.pair("a", "b"), ExampleTarget.value(3.5), null, null, "en", pos, null));
    }

    static RunRequest fullRunRequest() {
        return new RunRequest(1, "run-1",
                List.of(RunRequest.TaskRef.of("sentiment"), new RunRequest.TaskRef("pos", List.of("brown-pos"), 2.0)),
                "all-MiniLM-L6-v2", new RunRequest.Adapter("lora", 8, 16.0, 0.1, List.of("query", "value"), null),
                new RunRequest.Weighting("dwa", Map.of("temperature", 2.0)),
                new RunRequest.Sampling("curriculum", 2.0, 10_000L, "homogeneous",
                        new RunRequest.Curriculum("length", "sqrt", 0.2, 0.5, "proportional"),
                        new RunRequest.Dynamic(1.0, 2.0), 32),
                16, new RunRequest.Budget(null, 1.5), new RunRequest.Validation(50L, 256, 3, 5e-4), 7L, true,
                new RunRequest.Gates(new RunRequest.EvaluationGate(0.0, 2.0, 0.05, 0.5,
                        Map.of("pos", "macro-f1"), Map.of("pos", 2.0)),
                        new RunRequest.BiasGate(0.1, 0.1, 0.05, 0.02)),
                Instant.parse("2026-11-26T10:00:00Z"));
    }

    @Test
    void runRequestRoundTrips() {
        roundTrip(fullRunRequest());
        roundTrip(new RunRequest(1, "minimal", List.of(RunRequest.TaskRef.of("pos")), null, null, null, null, null,
                null, null, null, null, null, null));
    }

    @Test
    void runRequestTasksMayBeStringsOrObjects() {
        byte[] body = ("{\"schemaVersion\":1,\"tasks\":[\"sentiment\",{\"task\":\"pos\",\"weight\":2}]}")
                .getBytes(StandardCharsets.UTF_8);
        RunRequest r = codec.decode(body, RunRequest.class);
        assertEquals(List.of(RunRequest.TaskRef.of("sentiment"), new RunRequest.TaskRef("pos", null, 2.0)), r.tasks());
    }

    @Test
    void runRejectedRoundTrips() {
        roundTrip(new RunRejected(1, "run-1", List.of(
                new RunRejected.Problem("tasks[0]", RunRejected.Reason.UNKNOWN_TASK, "no task or dataset 'x'"),
                new RunRejected.Problem("batchSize", RunRejected.Reason.BAD_PARAMETER, "must be at least 1")),
                Instant.parse("2026-11-26T10:00:00Z")));
    }

    @Test
    void runPlannedRoundTrips() {
        RunPlanned.TaskPlan task = new RunPlanned.TaskPlan("sentiment", TaskType.TEXT_CLASSIFICATION,
                List.of("sentiment-imdb"), List.of("negative", "positive"), 0.6, 800, 960, 1.2, 100);
        roundTrip(new RunPlanned(1, "run-1", fullRunRequest(), List.of(
                new RunPlanned.JobPlan("run-1.mtl", RunPlanned.JobKind.MULTI_TASK, List.of(task), 100, 16, 3, "ab12"),
                new RunPlanned.JobPlan("run-1.stl.sentiment", RunPlanned.JobKind.BASELINE, List.of(task), 60, 16, 2,
                        "cd34")), Instant.parse("2026-11-26T10:00:00Z")));
    }

    @Test
    void trainingBatchRoundTrips() {
        StandardExample ex = new StandardExample(1, "ex1", "imdb", "sentiment", TaskType.TEXT_CLASSIFICATION,
                Split.TRAIN, ExampleInput.text("good"), ExampleTarget.label("positive"), null, Map.of(), "en", null, null);
        roundTrip(new TrainingBatch(1, "run-1", "run-1.mtl", 4, TrainingBatch.Kind.TRAIN, 5, 0, false, List.of(ex, ex)));
        roundTrip(new TrainingBatch(1, "run-1", "run-1.mtl", 5, TrainingBatch.Kind.VALIDATION, 5, 1, true, List.of(ex)));
    }

    @Test
    void trainerFeedbackRoundTrips() {
        Instant at = Instant.parse("2026-11-26T10:00:00Z");
        roundTrip(new BatchesAcknowledged(1, "run-1", "run-1.mtl", 17, at));
        roundTrip(new ValidationReported(1, "run-1", "run-1.mtl", 2, 100,
                Map.of("pos", new ValidationReported.TaskResult(0.4, "token-accuracy", 0.91, 256, false)), at));
        roundTrip(new TrainingEnded(1, "run-1", "run-1.mtl", TrainingEnded.Outcome.EARLY_STOPPED, 120, "all tasks "
                + "converged", at));
    }

    @Test
    void trainerEventsRoundTrip() {
        Instant at = Instant.parse("2026-11-26T10:00:00Z");
        RunPlanned.TaskPlan task = new RunPlanned.TaskPlan("sentiment", TaskType.TEXT_CLASSIFICATION,
                List.of("sentiment-imdb"), List.of("negative", "positive"), 1.0, 800, 960, 1.2, 100);
        RunPlanned plan = new RunPlanned(1, "run-1", fullRunRequest(), List.of(new RunPlanned.JobPlan("run-1.mtl",
                RunPlanned.JobKind.MULTI_TASK, List.of(task), 100, 16, 3, "ab12")), at);
        JobQueued queued = roundTrip(new JobQueued(1, "run-1", "run-1.mtl", plan, at));
        assertEquals(100, queued.job().steps());
        roundTrip(new TrainingStarted(1, "run-1", "run-1.mtl", "trainer-a", 40, 100, at));
        roundTrip(new TrainingProgress(1, "run-1", "run-1.mtl", 50, 100, Map.of("sentiment", 0.42, "pos", 1.3),
                Map.of("sentiment", 1.0, "pos", 0.8), 4.5e-4, 0.31, 51.6, 2.25, List.of("sentiment", "pos"),
                List.of(List.of(1.0, -0.2), List.of(-0.2, 1.0)), at));
        roundTrip(new TrainingProgress(1, "run-1", "run-1.mtl", 10, 100, Map.of(), Map.of(), 1e-4, 0.3, 50, 1.0,
                List.of("sentiment"), null, at));
        ModelTrained trained = roundTrip(new ModelTrained(1, "run-1", "run-1.mtl", RunPlanned.JobKind.MULTI_TASK,
                List.of("sentiment"), 100, TrainingEnded.Outcome.COMPLETED, List.of(
                new ModelTrained.Artifact("model", "runs/run-1/run-1.mtl/model.onnx", "ab".repeat(32), 90_000_000),
                new ModelTrained.Artifact("manifest", "runs/run-1/run-1.mtl/manifest.json", "cd".repeat(32), 4096)),
                Map.of("sentiment", new ValidationReported.TaskResult(0.3, "accuracy", 0.88, 200, false)), at));
        assertEquals(4096, trained.artifact("manifest").orElseThrow().bytes());
    }

    @Test
    void evaluationEventsRoundTrip() {
        Instant at = Instant.parse("2026-11-26T10:00:00Z");
        ModelEvaluated.TaskEvaluation sentiment = new ModelEvaluated.TaskEvaluation(TaskType.TEXT_CLASSIFICATION, 200,
                "accuracy", 0.88, 0.88, Map.of("accuracy", 0.88, "macro-f1", 0.87),
                List.of(new ModelEvaluated.ClassFigures("pos", 0.9, 0.85, 0.874, 100)));
        ModelEvaluated.TaskEvaluation stsb = new ModelEvaluated.TaskEvaluation(TaskType.REGRESSION, 50, "pearson",
                0.6, 0.8, Map.of("pearson", 0.6), null);
        roundTrip(new ModelEvaluated(1, "run-1", "run-1.mtl", RunPlanned.JobKind.MULTI_TASK,
                "runs/run-1/run-1.mtl/model.onnx", "ab".repeat(32), "CPU",
                Map.of("sentiment", sentiment, "stsb", stsb), 0.84, 3.5, 71.4, at));
        roundTrip(new EvaluationFailed(1, "run-1", "run-1.stl.pos", EvaluationFailed.Problem.MODEL_HASH_MISMATCH,
                "runs/run-1/run-1.stl.pos/model.onnx", "sha256 differs", at));
        RunEvaluated.TaskOutcome compared = new RunEvaluated.TaskOutcome("sentiment", TaskType.TEXT_CLASSIFICATION,
                "accuracy", true, 1.0, 200, 0.88, 0.86, 0.02, -0.01, 0.05, 0.05,
                new RunEvaluated.McNemar(12, 8, "EXACT_BINOMIAL", null, 0.50), 2.33, false);
        RunEvaluated.TaskOutcome alone = new RunEvaluated.TaskOutcome("stsb", TaskType.REGRESSION, "pearson", true,
                1.0, 50, 0.6, null, null, null, null, null, null, null, false);
        RunEvaluated evaluated = roundTrip(new RunEvaluated(1, "run-1", "run-1.mtl", "CPU", 0.84, 0.83, 2.33,
                List.of(compared, alone), List.of("stsb"), List.of("baseline of stsb did not arrive within PT30M"),
                new RunEvaluated.Verdict(false, List.of("no baseline for stsb"),
                        List.of(new RunEvaluated.Check("delta-m", true, "Δm +2.33% ≥ 0"),
                                new RunEvaluated.Check("baseline:stsb", false, "no baseline for stsb"))),
                List.of(new RunEvaluated.TaskReview("sentiment",
                        List.of(new RunEvaluated.ReviewCase("imdb-7", "a fine film", "pos", "neg", 0.61, "pos", 0.9)),
                        List.of())),
                new ModelTrained.Artifact("report", "runs/run-1/report.html", "cd".repeat(32), 51_000), at));
        assertEquals(null, evaluated.tasks().get(1).stl());
    }

    @Test
    void auditEventsRoundTrip() {
        Instant at = Instant.parse("2026-11-26T10:00:00Z");
        ModelAudited.Estimate flips = new ModelAudited.Estimate(0.04, 0.01, 0.08);
        ModelAudited.TaskAudit sentiment = new ModelAudited.TaskAudit(TaskType.TEXT_CLASSIFICATION,
                new ModelAudited.Counterfactual("LABEL_FLIPS", 50, 120, Map.of("counterfactual-flip-rate", flips),
                        List.of(new ModelAudited.ChangedCase("imdb-3", "he was great", "she was great", "positive",
                                "negative", 0.41))),
                List.of(new ModelAudited.GroupAudit("gender", List.of(
                        new ModelAudited.GroupFigures("f", 40, true, 0.8, 0.79, 0.5, 0.9, 0.2),
                        new ModelAudited.GroupFigures("x", 3, false, 1.0, 1.0, null, null, null)),
                        new ModelAudited.Estimate(0.05, 0.0, 0.12), new ModelAudited.Estimate(null, null, null),
                        "class positive, f vs m")),
                List.of(new ModelAudited.TokenWeight("he", 7, 0.2)));
        roundTrip(new ModelAudited(1, "run-1", "run-1.mtl", RunPlanned.JobKind.MULTI_TASK, "runs/run-1/m/model.onnx",
                "ab".repeat(32), "CPU", Map.of("sentiment", sentiment), List.of(new ModelAudited.NotAudited("qa",
                TaskType.EXTRACTIVE_QA, "answer spans have no class to flip")), 900, 12.5, at));
        roundTrip(new AuditFailed(1, "run-1", "run-1.mtl", EvaluationFailed.Problem.MODEL_MISSING,
                "runs/run-1/m/model.onnx", "model file does not exist", at));
        RunAudited audited = roundTrip(new RunAudited(1, "run-1", "run-1.mtl", "CPU", List.of(
                new RunAudited.TransferRow("sentiment", "counterfactual-flip-rate", null, 0.04, 0.02, 0.02, -0.01,
                        0.05, true, true),
                new RunAudited.TransferRow("pos", "counterfactual-flip-rate", null, 0.1, null, null, null, null,
                        null, true)),
                List.of(new RunAudited.Representation("sentiment", "train", "gender", 800, List.of(120L, 40L),
                        List.of("he=60", "his=30"))), List.of(), List.of("pos"), List.of("note"),
                new RunEvaluated.Verdict(true, List.of(), List.of(new RunEvaluated.Check("counterfactual-flip:"
                        + "sentiment", true, "0.04 ≤ 0.05"))),
                new ModelTrained.Artifact("bias-report", "runs/run-1/bias-report.html", "cd".repeat(32), 9000), at));
        assertEquals(null, audited.transfer().get(1).baseline());
    }

    @Test
    void runEndEventsRoundTrip() {
        Instant at = Instant.parse("2026-11-26T10:00:00Z");
        RunEvaluated.Verdict passed = new RunEvaluated.Verdict(true, List.of(),
                List.of(new RunEvaluated.Check("delta-m", true, "Δm +2.33% ≥ 0")));
        RunEvaluated.Verdict failed = new RunEvaluated.Verdict(false, List.of("flip rate of pos 0.2 > 0.05"),
                List.of(new RunEvaluated.Check("counterfactual-flip:pos", false, "flip rate of pos 0.2 > 0.05")));
        RunEvaluated.TaskOutcome sentiment = new RunEvaluated.TaskOutcome("sentiment", TaskType.TEXT_CLASSIFICATION,
                "accuracy", true, 1.0, 200, 0.89, 0.88, 0.01, -0.02, 0.04, 0.05, null, 1.1, false);
        RunCompleted completed = roundTrip(new RunCompleted(1, "run-1", false,
                List.of("bias: flip rate of pos 0.2 > 0.05"), passed, failed, "run-1.mtl", 0.55, 0.46, 33.2,
                List.of(sentiment), List.of(
                        new RunCompleted.JobOutcome("run-1.mtl", RunPlanned.JobKind.MULTI_TASK,
                                List.of("sentiment", "pos"), 300, 300L, TrainingEnded.Outcome.COMPLETED, true, true,
                                List.of()),
                        new RunCompleted.JobOutcome("run-1.stl.pos", RunPlanned.JobKind.BASELINE,
                                List.of("pos"), 150, null, null, false, false,
                                List.of("no model-trained event"))),
                new ModelTrained.Artifact("run-report", "runs/run-1/run-report.html", "ab".repeat(32), 90_000),
                new ModelTrained.Artifact("report", "runs/run-1/report.html", "cd".repeat(32), 51_000), null,
                at.minusSeconds(600), at));
        assertEquals(null, completed.jobs().get(1).trainedSteps());
        assertEquals(null, completed.biasReport());
        RunFailed runFailed = roundTrip(new RunFailed(1, "run-2", RunFailed.Stage.TRAINING, "run-2.mtl",
                "its training failed: out of memory", null, at));
        assertEquals(RunFailed.Stage.TRAINING, runFailed.stage());
    }

    @Test
    void recordRejectedRoundTrips() {
        roundTrip(new RecordRejected(1, "imdb", RejectReason.UNKNOWN_LABEL, "label", "label 'meh' is not in the label set",
                "{\"text\":\"x\",\"class\":\"meh\"}", "utf-8", new SourcePosition(Topics.DATA_RAW, 1, 9, 0, null),
                Instant.parse("2026-11-26T10:00:00Z")));
    }

    @Test
    void readerRejectsUnknownSchemaVersionNamingTheField() {
        byte[] body = "{\"schemaVersion\":7,\"spec\":{\"datasetId\":\"x\"}}".getBytes(StandardCharsets.UTF_8);
        EventFormatException e = assertThrows(EventFormatException.class,
                () -> codec.decode(body, DatasetRegistered.class));
        assertTrue(e.getMessage().contains("schemaVersion"), e.getMessage());
        assertTrue(e.getMessage().contains("version 7 is not supported"), e.getMessage());
    }

    @Test
    void readerRejectsUnknownTypeAndMissingHeaders() {
        Headers headers = CloudEventHeaders.create("io.multitune.nope", "/t", "s").toKafkaHeaders();
        EventFormatException e = assertThrows(EventFormatException.class,
                () -> codec.decode(headers, "{}".getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("unknown event type 'io.multitune.nope'"), e.getMessage());
        assertThrows(EventFormatException.class, () -> CloudEventHeaders.fromKafkaHeaders(
                new org.apache.kafka.common.header.internals.RecordHeaders()));
    }

    @Test
    void everyEventCarriesTheCloudEventsAttributes() {
        ProducerRecord<String, byte[]> r = codec.record(Topics.DATASETS, "imdb",
                new DatasetRegistered(1, spec(), Instant.now()), "/multitune/data-ingest");
        CloudEventHeaders ce = CloudEventHeaders.fromKafkaHeaders(r.headers());
        assertEquals("io.multitune.dataset.registered", ce.type());
        assertEquals("/multitune/data-ingest", ce.source());
        assertEquals("imdb", ce.subject());
        assertEquals("1.0", CloudEventHeaders.lastValue(r.headers(), CloudEventHeaders.CE_SPECVERSION));
    }

    @Test
    void wireNamesAreStable() {
        assertEquals(TaskType.TEXT_PAIR_CLASSIFICATION, TaskType.fromWireName("text-pair-classification"));
        assertEquals(SourceFormat.CONLL, SourceFormat.fromWireName("conll"));
        assertEquals(Split.VALIDATION, Split.parse("dev"));
        assertEquals(RawMessageKind.RECORDS, RawMessageKind.fromHeader(null));
        assertThrows(IllegalArgumentException.class, () -> RawMessageKind.fromHeader("bogus"));
    }
}
