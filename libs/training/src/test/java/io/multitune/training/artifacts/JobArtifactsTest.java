package io.multitune.training.artifacts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.multitune.encoder.model.AdapterSpec;
import io.multitune.encoder.model.EncoderOptions;
import io.multitune.encoder.onnx.BertCheckpoint;
import io.multitune.encoder.onnx.HeadOutput;
import io.multitune.encoder.onnx.OrtMultiTaskRunner;
import io.multitune.encoder.onnx.OrtRunnerOptions;
import io.multitune.encoder.tokens.EncodedBatch;
import io.multitune.encoder.weights.BertWeights;
import io.multitune.events.RunPlanned.JobKind;
import io.multitune.events.RunPlanned.JobPlan;
import io.multitune.events.RunRequest;
import io.multitune.events.TrainingBatch;
import io.multitune.events.TrainingEnded;
import io.multitune.training.Fixtures;
import io.multitune.training.JobTrainer;
import io.multitune.training.MultiTaskModel;
import io.multitune.training.batch.AssembledBatch;
import io.multitune.training.batch.TaskBatch;
import io.multitune.training.eval.TaskValidation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A job's artifacts on a tiny BERT trained a few steps: the ONNX model reproduces DJL's eval-mode heads in ONNX
 * Runtime, the adapter file rebuilds the identical model on the base, the listing's digests are the files', the
 * manifest carries the provenance, and writing is atomic and write-once.
 */
class JobArtifactsTest {

    private static final String BASE_SHA = "0f".repeat(32);
    private static final long BASE_SEED = 13;
    private static final String RUN = "run-1";
    private static final String JOB = "run-1.mtl";

    /** Validation rows of all three tasks (sentence classification, tagging, regression), unseen in training. */
    private static final TrainingBatch PROBE = Fixtures.validation(100, 3, 1, Fixtures.mixedExamples(2));

    @ParameterizedTest
    @ValueSource(strings = {"lora", "bottleneck", "full"})
    void onnxMatchesDjlAndTheAdaptersRebuildTheIdenticalModel(String method, @TempDir Path root) throws Exception {
        BertWeights base = Fixtures.tinyWeights(BASE_SEED);
        try (JobTrainer trainer = trained(base, method)) {
            WrittenArtifacts written = JobArtifacts.write(root, provenance(trainer, Instant.now()), trainer.model());
            assertFalse(written.reused());
            assertEquals("runs/run-1/run-1.mtl", written.directory());
            assertEquals(List.of("runs/run-1/run-1.mtl/model.onnx", "runs/run-1/run-1.mtl/adapters.safetensors",
                    "runs/run-1/run-1.mtl/manifest.json"), written.files().stream()
                    .map(ArtifactFile::relativePath).toList());

            AssembledBatch probe = Fixtures.assembler(Fixtures.threeTasks()).assemble(PROBE);
            Map<String, float[]> djl = logits(trainer.model(), probe);
            double worst = 0;
            Path onnx = JobArtifacts.verify(root, written.model());
            try (OrtMultiTaskRunner runner = OrtMultiTaskRunner.open(onnx,
                    OrtRunnerOptions.defaults().cpuOnly().withIntraOpThreads(1))) {
                for (TaskBatch task : probe.tasks()) {
                    HeadOutput out = runner.run(task.inputs(), List.of(task.taskId())).get(task.taskId());
                    float[] expected = djl.get(task.taskId());
                    assertEquals(expected.length, out.values().length, task.taskId());
                    double diff = maxAbsDiff(expected, out.values());
                    worst = Math.max(worst, diff);
                    assertTrue(diff <= 1e-4, method + " " + task.taskId() + ": ONNX Runtime differs from DJL by "
                            + diff);
                }
            }
            System.out.printf("artifacts, %s: ONNX Runtime vs DJL eval max |diff| %.2e; model.onnx %d bytes, "
                    + "adapters %d bytes%n", method, worst, written.model().bytes(), written.adapters().bytes());
            if (!method.equals("full")) {
                assertTrue(written.adapters().bytes() * 10 < written.model().bytes(), "adapters are small: "
                        + written.adapters().bytes() + " vs model " + written.model().bytes());
            }

            BertCheckpoint checkpoint = new BertCheckpoint(base, BASE_SHA, "test:tiny", 11);
            try (NDManager manager = NDManager.newBaseManager("PyTorch");
                 MultiTaskModel loaded = JobArtifacts.loadModel(manager, checkpoint, root, written.manifest())) {
                Map<String, float[]> again = logits(loaded, probe);
                for (String task : djl.keySet()) {
                    assertArrayEquals(djl.get(task), again.get(task), 0f, method + " " + task + " after loading");
                }
                BertCheckpoint other = new BertCheckpoint(base, "ab".repeat(32), "test:other", 11);
                assertThrows(IllegalArgumentException.class,
                        () -> JobArtifacts.loadModel(manager, other, root, written.manifest()));
            }
        }
    }

    @Test
    void adaptersRefuseAModelOfAnotherMethod(@TempDir Path dir) throws Exception {
        BertWeights base = Fixtures.tinyWeights(BASE_SEED);
        Path file = dir.resolve("adapters.safetensors");
        try (JobTrainer lora = trained(base, "lora");
             JobTrainer bottleneck = JobTrainer.start(Fixtures.manager(), base, JOB, Fixtures.threeTasks(),
                     Fixtures.assembler(Fixtures.threeTasks()), Fixtures.settings(options("bottleneck"), "equal", 3))) {
            AdapterFile.write(file, lora.model(), BASE_SHA);
            AdapterFile.Contents contents = AdapterFile.read(file);
            assertEquals("lora", contents.adapter().type());
            assertEquals(List.of("query", "value"), contents.adapter().targets());
            assertEquals(List.of("sentiment", "pos", "score"), contents.tasks());
            assertEquals(BASE_SHA, contents.baseModelSha256());
            assertThrows(IllegalArgumentException.class, () -> AdapterFile.load(file, bottleneck.model()));
        }
    }

    @Test
    void theListingMatchesTheFilesAndVerifyDetectsTampering(@TempDir Path root) throws Exception {
        WrittenArtifacts written;
        try (JobTrainer trainer = trained(Fixtures.tinyWeights(BASE_SEED), "lora")) {
            written = JobArtifacts.write(root, provenance(trainer, Instant.now()), trainer.model());
        }
        for (ArtifactFile f : written.files()) {
            Path path = root.resolve(f.relativePath());
            assertEquals(Files.size(path), f.bytes(), f.role());
            assertEquals(JobArtifacts.sha256(path), f.sha256(), f.role());
            assertEquals(sha256Hex(Files.readAllBytes(path)), f.sha256(), f.role());
            assertEquals(path, JobArtifacts.verify(root, f));
        }
        assertEquals(written.files(), JobArtifacts.read(root, RUN, JOB).orElseThrow().files());

        ArtifactFile adapters = written.adapters();
        Path path = root.resolve(adapters.relativePath());
        byte[] bytes = Files.readAllBytes(path);
        bytes[bytes.length - 1] ^= 1; // same size, one bit of one weight
        Files.write(path, bytes);
        ArtifactVerificationException e = assertThrows(ArtifactVerificationException.class,
                () -> JobArtifacts.verify(root, adapters));
        assertTrue(e.getMessage().contains("SHA-256"), e.getMessage());
        assertThrows(ArtifactVerificationException.class, () -> JobArtifacts.read(root, RUN, JOB));

        Files.delete(root.resolve(written.model().relativePath()));
        e = assertThrows(ArtifactVerificationException.class, () -> JobArtifacts.verify(root, written.model()));
        assertTrue(e.getMessage().contains("missing"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> JobArtifacts.verify(root,
                new ArtifactFile("model", "runs/../../etc/passwd", adapters.sha256(), 1)));
        assertThrows(IllegalArgumentException.class, () -> JobArtifacts.verify(root,
                new ArtifactFile("model", "/etc/passwd", adapters.sha256(), 1)));
    }

    @Test
    void theManifestCarriesTheProvenance(@TempDir Path root) throws Exception {
        Instant created = Instant.parse("2026-11-26T10:15:30Z");
        WrittenArtifacts written;
        ArtifactProvenance provenance;
        try (JobTrainer trainer = trained(Fixtures.tinyWeights(BASE_SEED), "lora")) {
            ArtifactProvenance p = provenance(trainer, created);
            Map<String, TaskMetrics> metrics = new LinkedHashMap<>(p.metrics());
            metrics.put("score", new TaskMetrics(Double.NaN, "pearson", Double.NaN, Double.NaN)); // undefined
            provenance = new ArtifactProvenance(p.runId(), p.baseModel(), p.baseModelSha256(), p.request(),
                    p.datasetProfiles(), p.job(), p.codeVersion(), p.seed(), p.stepsTrained(), p.outcome(), metrics,
                    p.createdAt());
            written = JobArtifacts.write(root, provenance, trainer.model());
        }
        JsonNode json = new ObjectMapper().readTree(root.resolve(written.manifest().relativePath()).toFile());
        assertEquals(1, json.path("format").asInt());
        assertEquals(RUN, json.path("runId").asText());
        assertEquals(JOB, json.path("jobId").asText());
        assertEquals("tiny-bert", json.path("baseModel").path("name").asText());
        assertEquals(BASE_SHA, json.path("baseModel").path("sha256").asText());
        assertEquals(RUN, json.path("request").path("runId").asText());
        assertEquals("lora", json.path("request").path("adapter").path("type").asText());
        assertEquals(List.of("profile-sentiment", "profile-pos", "profile-score"),
                new ObjectMapper().convertValue(json.path("datasetProfiles"), List.class));
        assertEquals(JOB, json.path("job").path("jobId").asText());
        assertEquals("MULTI_TASK", json.path("job").path("kind").asText());
        assertEquals(3, json.path("job").path("tasks").size());
        assertEquals("git:abc1234", json.path("codeVersion").asText());
        assertEquals(7, json.path("seed").asLong());
        assertEquals(3, json.path("stepsTrained").asLong());
        assertEquals("COMPLETED", json.path("outcome").asText());
        assertEquals(List.of("sentiment", "pos", "score"), fieldNames(json.path("metrics")));
        JsonNode sentiment = json.path("metrics").path("sentiment");
        assertEquals("accuracy", sentiment.path("metric").asText());
        assertTrue(sentiment.path("loss").isNumber() && sentiment.path("value").isNumber()
                && sentiment.path("score").isNumber(), sentiment.toString());
        assertEquals("lora", json.path("adapters").path("method").path("type").asText());
        assertEquals(4, json.path("adapters").path("method").path("rank").asInt());
        assertTrue(json.path("adapters").path("parameters").asLong() > 0);
        assertEquals("2026-11-26T10:15:30Z", json.path("createdAt").asText());
        assertEquals(2, json.path("files").size());
        for (JsonNode f : json.path("files")) {
            ArtifactFile listed = written.file(f.path("role").asText());
            assertEquals(written.directory() + "/" + f.path("path").asText(), listed.relativePath());
            assertEquals(listed.sha256(), f.path("sha256").asText());
            assertEquals(listed.bytes(), f.path("bytes").asLong());
        }

        ArtifactManifest manifest = JobArtifacts.readManifest(root, written.manifest());
        assertEquals(provenance.request(), manifest.request());
        assertEquals(provenance.job(), manifest.job());
        assertEquals(provenance.metrics(), manifest.metrics());
        assertTrue(Double.isNaN(manifest.metrics().get("score").value()));
        assertEquals("NaN", json.path("metrics").path("score").path("value").asText());
        assertEquals(created, manifest.createdAt());
        assertEquals(TrainingEnded.Outcome.COMPLETED, manifest.outcome());
    }

    @Test
    void writingIsAtomicAndOncePerJob(@TempDir Path root) throws Exception {
        try (JobTrainer trainer = trained(Fixtures.tinyWeights(BASE_SEED), "lora")) {
            Path runDir = root.resolve("runs").resolve(RUN);
            // A crash in the middle: no job directory appears, the temporary one is gone.
            IOException crash = assertThrows(IOException.class, () -> JobArtifacts.write(root,
                    provenance(trainer, Instant.now()), trainer.model(), temp -> {
                        assertTrue(Files.isRegularFile(temp.resolve(JobArtifacts.MODEL_FILE)));
                        throw new IOException("disk full");
                    }));
            assertEquals("disk full", crash.getMessage());
            assertEquals(List.of(), entries(runDir));
            assertTrue(JobArtifacts.read(root, RUN, JOB).isEmpty());

            // A temporary directory left behind by a killed writer is cleaned up by the next write.
            Files.createDirectories(runDir.resolve("." + JOB + ".tmp-12345"));
            Files.writeString(runDir.resolve("." + JOB + ".tmp-12345").resolve("model.onnx"), "partial");
            WrittenArtifacts first = JobArtifacts.write(root, provenance(trainer, Instant.now()), trainer.model());
            assertEquals(List.of(JOB), entries(runDir));

            // A retried job keeps the earlier complete write: same files, same digests, nothing rewritten.
            trainer.train(Fixtures.train(5000, 4, Fixtures.mixedExamples(1)));
            WrittenArtifacts retry = JobArtifacts.write(root, provenance(trainer, Instant.now().plusSeconds(60)),
                    trainer.model());
            assertTrue(retry.reused());
            assertEquals(first.files(), retry.files());
            assertEquals(List.of(JOB), entries(runDir));

            // A directory that fails verification is replaced.
            Files.writeString(root.resolve(first.model().relativePath()), "tampered");
            WrittenArtifacts repaired = JobArtifacts.write(root, provenance(trainer, Instant.now()),
                    trainer.model());
            assertFalse(repaired.reused());
            assertNotEquals(first.model().sha256(), repaired.model().sha256());
            for (ArtifactFile f : repaired.files()) {
                JobArtifacts.verify(root, f);
            }
            assertEquals(List.of(JOB), entries(runDir));
        }
    }

    @Test
    void idsBecomeSafePathSegments() {
        assertEquals("runs/run-1/run-1.stl.sentiment", JobArtifacts.jobDirectory("run-1", "run-1.stl.sentiment"));
        assertEquals("runs/r/run.stl.sentiment%2Fimdb", JobArtifacts.jobDirectory("r", "run.stl.sentiment/imdb"));
        assertEquals("%2E.", JobArtifacts.segment(".."));
        assertEquals("%2Ehidden", JobArtifacts.segment(".hidden"));
        assertEquals("a%20b%25c%C3%A9", JobArtifacts.segment("a b%cé"));
        assertThrows(IllegalArgumentException.class, () -> JobArtifacts.segment(""));
    }

    @Test
    void jobAndModelMustAgree(@TempDir Path root) {
        try (JobTrainer trainer = trained(Fixtures.tinyWeights(BASE_SEED), "lora")) {
            ArtifactProvenance p = provenance(trainer, Instant.now());
            JobPlan twoTasks = new JobPlan(JOB, JobKind.MULTI_TASK, Fixtures.threeTasks().subList(0, 2), 3, 9, 1, "d");
            ArtifactProvenance wrong = new ArtifactProvenance(RUN, p.baseModel(), p.baseModelSha256(), p.request(),
                    p.datasetProfiles(), twoTasks, p.codeVersion(), p.seed(), p.stepsTrained(), p.outcome(), Map.of(),
                    p.createdAt());
            assertThrows(IllegalArgumentException.class, () -> JobArtifacts.write(root, wrong, trainer.model()));
            assertFalse(Files.exists(root.resolve("runs")));
        }
    }

    // ---------------------------------------------------------------------------------------------- helpers

    static EncoderOptions options(String method) {
        AdapterSpec spec = switch (method) {
            case "lora" -> Fixtures.lora(0f);
            case "bottleneck" -> AdapterSpec.bottleneck(8);
            case "full" -> AdapterSpec.full();
            default -> throw new IllegalArgumentException(method);
        };
        return EncoderOptions.withoutDropout(spec);
    }

    /** Three training steps of the three toy tasks, then a validation round. */
    static JobTrainer trained(BertWeights base, String method) {
        JobTrainer trainer = JobTrainer.start(Fixtures.manager(), base, JOB, Fixtures.threeTasks(),
                Fixtures.assembler(Fixtures.threeTasks()), Fixtures.settings(options(method), "equal", 3));
        for (int s = 0; s < 3; s++) {
            trainer.train(Fixtures.train(s, s + 1, Fixtures.mixedExamples(s)));
        }
        return trainer;
    }

    static ArtifactProvenance provenance(JobTrainer trainer, Instant createdAt) {
        String method = AdapterFile.describe(trainer.model().encoder().options().adapter()).type();
        RunRequest request = new RunRequest(RunRequest.SCHEMA_VERSION, RUN,
                List.of(RunRequest.TaskRef.of("sentiment"), RunRequest.TaskRef.of("pos"),
                        RunRequest.TaskRef.of("score")), "tiny-bert",
                new RunRequest.Adapter(method, null, null, null, null, null), new RunRequest.Weighting("equal", null),
                null, 9, new RunRequest.Budget(3L, null), null, 7L, false, null,
                Instant.parse("2026-11-26T10:00:00Z"));
        JobPlan job = new JobPlan(JOB, JobKind.MULTI_TASK, Fixtures.threeTasks(), 3, 9, 1, "digest");
        Map<String, TaskMetrics> metrics = new LinkedHashMap<>();
        List<TaskValidation> round = trainer.validate(List.of(Fixtures.validation(1000 + trainer.lastAppliedSequence(),
                trainer.step(), 1, Fixtures.mixedExamples(0))));
        round.forEach(v -> metrics.put(v.taskId(), TaskMetrics.of(v)));
        return new ArtifactProvenance(RUN, "tiny-bert", BASE_SHA, request,
                List.of("profile-sentiment", "profile-pos", "profile-score"), job, "git:abc1234", 7L,
                trainer.step(), TrainingEnded.Outcome.COMPLETED, metrics, createdAt);
    }

    /** Each task's eval-mode logits on its rows of the batch. */
    static Map<String, float[]> logits(MultiTaskModel model, AssembledBatch batch) {
        Map<String, float[]> out = new LinkedHashMap<>();
        try (NDManager scratch = model.manager().newSubManager()) {
            for (TaskBatch task : batch.tasks()) {
                EncodedBatch inputs = task.inputs();
                NDArray hidden = model.encode(scratch, inputs, false);
                NDArray mask = scratch.create(inputs.attentionMask(), inputs.shape());
                out.put(task.taskId(), model.head(task.taskIndex()).logits(hidden, mask, false).toFloatArray());
            }
        }
        return out;
    }

    private static double maxAbsDiff(float[] a, float[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs((double) a[i] - b[i]));
        }
        return max;
    }

    private static List<String> entries(Path dir) {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String sha256Hex(byte[] bytes) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
