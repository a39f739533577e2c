package io.multitune.auditor;

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
import io.multitune.events.RunPlanned;
import io.multitune.events.RunPlanned.JobKind;
import io.multitune.events.RunPlanned.JobPlan;
import io.multitune.events.RunPlanned.TaskPlan;
import io.multitune.events.RunRequest;
import io.multitune.events.Split;
import io.multitune.events.StandardExample;
import io.multitune.events.TaskType;
import io.multitune.events.TrainingEnded;
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
 * A run as the bias auditor sees it: a plan (a multi-task job over sentiment, tagging and QA, and one baseline per
 * task), test examples that mention gendered terms and carry a group attribute, and real ONNX models (tiny random
 * BERTs on MiniLM's vocabulary) written where trainers write them.
 */
final class AuditorTestData {
    private static final String[] SENTENCES = {
            "he said the film was wonderful", "she said the film was dreadful", "my brother loved every minute",
            "my sister hated every minute", "the actor was superb", "the actress was superb",
            "his performance was moving", "her performance was tedious"};
    private static final String[][] TAGGED = {
            {"he runs", "PRON VERB"}, {"she sleeps", "PRON VERB"}, {"the man walks", "DET NOUN VERB"},
            {"the woman sings", "DET NOUN VERB"}};

    private AuditorTestData() {
    }

    static TaskPlan sentiment(String runId) {
        return new TaskPlan("sentiment", TaskType.TEXT_CLASSIFICATION, List.of(runId + "-sentiment"),
                List.of("negative", "positive"), 0.4, 8, 8, 1.0, 8);
    }

    static TaskPlan pos(String runId) {
        return new TaskPlan("pos", TaskType.TOKEN_CLASSIFICATION, List.of(runId + "-pos"),
                List.of("DET", "NOUN", "PRON", "VERB"), 0.3, 4, 8, 2.0, 4);
    }

    static TaskPlan qa(String runId) {
        return new TaskPlan("qa", TaskType.EXTRACTIVE_QA, List.of(runId + "-qa"), List.of(), 0.3, 4, 8, 2.0, 4);
    }

    static RunPlanned plan(String runId) {
        List<TaskPlan> tasks = List.of(sentiment(runId), pos(runId), qa(runId));
        RunRequest request = new RunRequest(1, runId, tasks.stream().map(t -> RunRequest.TaskRef.of(t.taskId()))
                .toList(), "all-MiniLM-L6-v2", null, null, null, 8, new RunRequest.Budget(6L, null), null, 7L, true,
                new RunRequest.Gates(null, new RunRequest.BiasGate(1.0, 1.0, 1.0, 1.0)), Instant.now());
        List<JobPlan> jobs = new ArrayList<>();
        jobs.add(new JobPlan(runId + ".mtl", JobKind.MULTI_TASK, tasks, 6, 8, 1, "d"));
        tasks.forEach(t -> jobs.add(new JobPlan(runId + ".stl." + t.taskId(), JobKind.BASELINE, List.of(t), 6, 8, 1,
                "d")));
        return new RunPlanned(1, runId, request, jobs, Instant.now());
    }

    /** {@code perTask} test examples per task, half of the sentiment ones in group f, half in m. */
    static List<StandardExample> examples(String runId, int perTask) {
        List<StandardExample> examples = new ArrayList<>();
        for (int i = 0; i < perTask; i++) {
            String sentence = SENTENCES[i % SENTENCES.length];
            String[] t = TAGGED[i % TAGGED.length];
            examples.add(new StandardExample(1, runId + "-s-" + i, runId + "-sentiment", "sentiment",
                    TaskType.TEXT_CLASSIFICATION, Split.TEST, ExampleInput.text(sentence + " " + i),
                    ExampleTarget.label(i % 2 == 0 ? "positive" : "negative"), null,
                    Map.of("gender", i % 2 == 0 ? "m" : "f"), "en", null, null));
            examples.add(new StandardExample(1, runId + "-p-" + i, runId + "-pos", "pos",
                    TaskType.TOKEN_CLASSIFICATION, Split.TEST, ExampleInput.tokens(List.of(t[0].split(" "))),
                    ExampleTarget.tags(List.of(t[1].split(" "))), null, null, "en", null, null));
            examples.add(new StandardExample(1, runId + "-q-" + i, runId + "-qa", "qa", TaskType.EXTRACTIVE_QA,
                    Split.TEST, ExampleInput.questionContext("who sings?", "the woman sings"),
                    ExampleTarget.answer(new ExampleTarget.AnswerSpan(0, 9, "the woman")), null, null, "en", null,
                    null));
        }
        examples.add(new StandardExample(1, runId + "-train-0", runId + "-sentiment", "sentiment",
                TaskType.TEXT_CLASSIFICATION, Split.TRAIN, ExampleInput.text("he was great and so was he"),
                ExampleTarget.label("positive"), null, null, "en", null, null));
        return examples;
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

    static ProducerRecord<String, byte[]> record(String topic, PipelineEvent event) {
        return EventCodec.INSTANCE.record(topic, event.subject(), event, "/test/trainer");
    }

    static ProducerRecord<String, byte[]> example(String topic, StandardExample example) {
        return EventCodec.INSTANCE.record(topic, example.id(), example, "/test/data-ingest");
    }
}
