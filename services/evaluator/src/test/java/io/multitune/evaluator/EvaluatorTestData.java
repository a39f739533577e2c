package io.multitune.evaluator;

import ai.djl.ndarray.NDManager;
import io.multitune.encoder.model.AdapterSpec;
import io.multitune.encoder.model.EncoderOptions;
import io.multitune.encoder.model.LoraTarget;
import io.multitune.encoder.onnx.OnnxMultiTaskWriter;
import io.multitune.encoder.weights.RandomBertWeights;
import io.multitune.events.EventCodec;
import io.multitune.events.ExampleInput;
import io.multitune.events.ExampleTarget;
import io.multitune.events.ModelTrained;
import io.multitune.events.PipelineEvent;
import io.multitune.events.RunAudited;
import io.multitune.events.RunEvaluated;
import io.multitune.events.RunPlanned;
import io.multitune.events.RunPlanned.JobKind;
import io.multitune.events.RunPlanned.JobPlan;
import io.multitune.events.RunPlanned.TaskPlan;
import io.multitune.events.RunRequest;
import io.multitune.events.Split;
import io.multitune.events.StandardExample;
import io.multitune.events.TaskType;
import io.multitune.events.TrainingEnded;
import io.multitune.events.TrainingProgress;
import io.multitune.training.MultiTaskModel;
import io.multitune.training.artifacts.JobArtifacts;
import io.multitune.training.checkpoint.DurableFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * A run as the evaluator sees it, played by the test: a plan (a multi-task job and one baseline per task), the test
 * split on the examples topic, and real ONNX models (tiny random BERTs on MiniLM's vocabulary, so the default base
 * model's tokenizer applies) written where trainers write them.
 */
final class EvaluatorTestData {
    static final String SOURCE = "/test/trainer";

    private static final String[][] SENTENCES = {
            {"a wonderful delightful film", "positive"}, {"a terrible boring mess", "negative"},
            {"great acting and a great story", "positive"}, {"awful dull and far too long", "negative"},
            {"i loved every minute", "positive"}, {"i hated every minute", "negative"},
            {"superb and moving", "positive"}, {"dreadful and tedious", "negative"}};
    private static final String[][] TAGGED = {
            {"the dog runs", "DET NOUN VERB"}, {"a cat sleeps", "DET NOUN VERB"},
            {"the old man walks", "DET ADJ NOUN VERB"}, {"a small bird sings", "DET ADJ NOUN VERB"}};

    private EvaluatorTestData() {
    }

    static TaskPlan sentiment(String runId) {
        return new TaskPlan("sentiment", TaskType.TEXT_CLASSIFICATION, List.of(runId + "-sentiment"),
                List.of("negative", "positive"), 0.5, 8, 8, 1.0, 8);
    }

    static TaskPlan pos(String runId) {
        return new TaskPlan("pos", TaskType.TOKEN_CLASSIFICATION, List.of(runId + "-pos"),
                List.of("ADJ", "DET", "NOUN", "VERB"), 0.5, 4, 8, 2.0, 4);
    }

    static RunPlanned plan(String runId, RunRequest.EvaluationGate gate) {
        TaskPlan sentiment = sentiment(runId);
        TaskPlan pos = pos(runId);
        RunRequest request = new RunRequest(1, runId, List.of(RunRequest.TaskRef.of("sentiment"),
                RunRequest.TaskRef.of("pos")), "all-MiniLM-L6-v2", null, null, null, 8,
                new RunRequest.Budget(6L, null), null, 7L, true, new RunRequest.Gates(gate, null), Instant.now());
        return new RunPlanned(1, runId, request, List.of(
                new JobPlan(runId + ".mtl", JobKind.MULTI_TASK, List.of(sentiment, pos), 6, 8, 1, "d"),
                new JobPlan(runId + ".stl.sentiment", JobKind.BASELINE, List.of(sentiment), 6, 8, 1, "d"),
                new JobPlan(runId + ".stl.pos", JobKind.BASELINE, List.of(pos), 6, 8, 1, "d")), Instant.now());
    }

    /** {@code perTask} test examples per task (plus train examples the evaluator must ignore). */
    static List<StandardExample> examples(String runId, int perTask) {
        List<StandardExample> examples = new ArrayList<>();
        for (int i = 0; i < perTask; i++) {
            String[] s = SENTENCES[i % SENTENCES.length];
            String[] t = TAGGED[i % TAGGED.length];
            examples.add(example(runId + "-s-" + i, sentiment(runId), ExampleInput.text(s[0] + " " + i),
                    ExampleTarget.label(s[1]), Split.TEST));
            examples.add(example(runId + "-p-" + i, pos(runId), ExampleInput.tokens(List.of(t[0].split(" "))),
                    ExampleTarget.tags(List.of(t[1].split(" "))), Split.TEST));
        }
        examples.add(example(runId + "-train-0", sentiment(runId), ExampleInput.text("unseen"),
                ExampleTarget.label("positive"), Split.TRAIN));
        return examples;
    }

    private static StandardExample example(String id, TaskPlan task, ExampleInput in, ExampleTarget out,
                                           Split split) {
        return new StandardExample(1, id, task.datasets().get(0), task.taskId(), task.taskType(), split, in, out,
                null, null, "en", null, null);
    }

    /** Writes a random tiny model of the job's tasks where a trainer would, and its model-trained event. */
    static ModelTrained writeModel(Path root, RunPlanned plan, JobPlan job, long seed) throws IOException {
        String relative = JobArtifacts.jobDirectory(plan.runId(), job.jobId()) + "/model.onnx";
        Path file = JobArtifacts.resolve(root, relative);
        Files.createDirectories(file.getParent());
        try (NDManager manager = NDManager.newBaseManager("PyTorch");
             MultiTaskModel model = MultiTaskModel.create(manager,
                     RandomBertWeights.create(RandomBertWeights.tinyConfig(30522), seed),
                     EncoderOptions.withoutDropout(AdapterSpec.lora(4, 8f, 0f, LoraTarget.QUERY, LoraTarget.VALUE)),
                     job.tasks(), seed)) {
            MultiTaskModel.Exported exported = model.export();
            OnnxMultiTaskWriter.write(exported.encoder(), exported.heads(), file);
        }
        return trained(plan, job, new ModelTrained.Artifact("model", relative, DurableFiles.sha256(file),
                Files.size(file)));
    }

    static ModelTrained trained(RunPlanned plan, JobPlan job, ModelTrained.Artifact model) {
        return new ModelTrained(1, plan.runId(), job.jobId(), job.kind(),
                job.tasks().stream().map(TaskPlan::taskId).toList(), 6, TrainingEnded.Outcome.COMPLETED,
                List.of(model), Map.of(), Instant.now());
    }

    /** Progress of a job every 2 steps, with a conflict matrix when it has two tasks. */
    static List<TrainingProgress> progress(RunPlanned plan, JobPlan job) {
        List<String> tasks = job.tasks().stream().map(TaskPlan::taskId).toList();
        List<TrainingProgress> progress = new ArrayList<>();
        for (long step = 2; step <= 6; step += 2) {
            double loss = 1.0 / step;
            Map<String, Double> losses = new java.util.LinkedHashMap<>();
            Map<String, Double> weights = new java.util.LinkedHashMap<>();
            tasks.forEach(t -> {
                losses.put(t, loss);
                weights.put(t, 1.0);
            });
            List<List<Double>> cosines = tasks.size() == 2 ? List.of(List.of(1.0, -0.2), List.of(-0.2, 1.0)) : null;
            progress.add(new TrainingProgress(1, plan.runId(), job.jobId(), step, 6, losses, weights, 1e-3, 0.1, 80,
                    1.0, cosines == null ? null : tasks, cosines, Instant.now()));
        }
        return progress;
    }

    /** The run's bias audit as the bias auditor would send it: one counterfactual figure per task and a verdict. */
    static RunAudited audited(RunPlanned plan, boolean pass) {
        String mtl = plan.jobs().get(0).jobId();
        List<RunAudited.TransferRow> transfer = plan.jobs().get(0).tasks().stream()
                .map(t -> new RunAudited.TransferRow(t.taskId(), "counterfactual-flip-rate", null, 0.2, 0.1, 0.1,
                        0.02, 0.18, true, true)).toList();
        RunEvaluated.Verdict verdict = new RunEvaluated.Verdict(pass, pass ? List.of()
                : List.of("flip rate of pos 0.2 > 0.05"), List.of(new RunEvaluated.Check("counterfactual-flip:pos",
                pass, "flip rate of pos 0.2 > 0.05")));
        return new RunAudited(1, plan.runId(), mtl, "CPU", transfer, List.of(), List.of(), List.of(), List.of(),
                verdict, new ModelTrained.Artifact("bias-report", "runs/" + plan.runId() + "/bias-report.html",
                "ab".repeat(32), 100), Instant.now());
    }

    static ProducerRecord<String, byte[]> record(String topic, PipelineEvent event) {
        return EventCodec.INSTANCE.record(topic, event.subject(), event, SOURCE);
    }

    static ProducerRecord<String, byte[]> example(String topic, StandardExample example) {
        return EventCodec.INSTANCE.record(topic, example.id(), example, "/test/data-ingest");
    }
}
