package io.multitune.trainer;

import io.multitune.events.EventCodec;
import io.multitune.events.ExampleInput;
import io.multitune.events.ExampleTarget;
import io.multitune.events.PipelineEvent;
import io.multitune.events.RunPlanned;
import io.multitune.events.RunPlanned.JobKind;
import io.multitune.events.RunPlanned.JobPlan;
import io.multitune.events.RunPlanned.TaskPlan;
import io.multitune.events.RunRequest;
import io.multitune.events.Split;
import io.multitune.events.StandardExample;
import io.multitune.events.TaskType;
import io.multitune.events.Topics;
import io.multitune.events.TrainingBatch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * A small two-task job as the sampler would plan and stream it: sentiment (text classification) and pos (token
 * classification), short sentences, TRAIN batches mixing both tasks, one validation round at the end.
 */
final class TrainerTestData {
    static final String SOURCE = "/test/sampler";

    private static final String[][] SENTENCES = {
            {"a wonderful delightful film", "positive"}, {"a terrible boring mess", "negative"},
            {"great acting and a great story", "positive"}, {"awful dull and far too long", "negative"},
            {"i loved every minute", "positive"}, {"i hated every minute", "negative"},
            {"superb and moving", "positive"}, {"dreadful and tedious", "negative"}};
    private static final String[][] TAGGED = {
            {"the dog runs", "DET NOUN VERB"}, {"a cat sleeps", "DET NOUN VERB"},
            {"the old man walks", "DET ADJ NOUN VERB"}, {"a small bird sings", "DET ADJ NOUN VERB"}};

    private TrainerTestData() {
    }

    static TaskPlan sentiment() {
        return new TaskPlan("sentiment", TaskType.TEXT_CLASSIFICATION, List.of("sentiment-data"),
                List.of("negative", "positive"), 0.5, 8, 8, 1.0, 8);
    }

    static TaskPlan pos() {
        return new TaskPlan("pos", TaskType.TOKEN_CLASSIFICATION, List.of("pos-data"),
                List.of("ADJ", "DET", "NOUN", "VERB"), 0.5, 4, 8, 2.0, 4);
    }

    static RunRequest request(String runId, String baseModel) {
        return new RunRequest(1, runId, List.of(RunRequest.TaskRef.of("sentiment"), RunRequest.TaskRef.of("pos")),
                baseModel, new RunRequest.Adapter("lora", 4, 8.0, 0.0, List.of("query", "value"), null),
                new RunRequest.Weighting("equal", null), null, 8, new RunRequest.Budget(6L, null),
                new RunRequest.Validation(6L, 8, 3, 5e-3), 7L, false, null, Instant.now());
    }

    static RunPlanned plan(String runId, String baseModel, long steps, TaskPlan... tasks) {
        JobPlan job = new JobPlan(runId + ".mtl", JobKind.MULTI_TASK, List.of(tasks), steps, 8, 1, "digest");
        return new RunPlanned(1, runId, request(runId, baseModel), List.of(job), Instant.now());
    }

    /** The job's whole stream: {@code steps} TRAIN batches, then one VALIDATION round of two batches. */
    static List<TrainingBatch> batches(RunPlanned plan) {
        JobPlan job = plan.jobs().get(0);
        List<TrainingBatch> batches = new ArrayList<>();
        long sequence = 0;
        for (int step = 1; step <= job.steps(); step++) {
            batches.add(new TrainingBatch(1, plan.runId(), job.jobId(), sequence++, TrainingBatch.Kind.TRAIN, step, 0,
                    false, rows(job.tasks(), step, Split.TRAIN)));
        }
        List<StandardExample> validation = rows(job.tasks(), 0, Split.VALIDATION);
        int half = validation.size() / 2;
        batches.add(new TrainingBatch(1, plan.runId(), job.jobId(), sequence++, TrainingBatch.Kind.VALIDATION,
                job.steps(), 1, false, validation.subList(0, half)));
        batches.add(new TrainingBatch(1, plan.runId(), job.jobId(), sequence, TrainingBatch.Kind.VALIDATION,
                job.steps(), 1, true, validation.subList(half, validation.size())));
        return batches;
    }

    private static List<StandardExample> rows(List<TaskPlan> tasks, int step, Split split) {
        List<StandardExample> rows = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            TaskPlan task = tasks.get(i % tasks.size());
            String id = split + "-" + step + "-" + i;
            if (task.taskType() == TaskType.TOKEN_CLASSIFICATION) {
                String[] t = TAGGED[(step + i) % TAGGED.length];
                rows.add(example(id, task, ExampleInput.tokens(List.of(t[0].split(" "))),
                        ExampleTarget.tags(List.of(t[1].split(" "))), split));
            } else {
                String[] s = SENTENCES[(step + i) % SENTENCES.length];
                rows.add(example(id, task, ExampleInput.text(s[0]), ExampleTarget.label(s[1]), split));
            }
        }
        return rows;
    }

    private static StandardExample example(String id, TaskPlan task, ExampleInput in, ExampleTarget out,
                                           Split split) {
        return new StandardExample(1, id, task.datasets().get(0), task.taskId(), task.taskType(), split, in, out,
                null, null, "en", null, null);
    }

    static ProducerRecord<String, byte[]> record(String topic, PipelineEvent event) {
        ProducerRecord<String, byte[]> r = EventCodec.INSTANCE.record(topic, event.subject(), event, SOURCE);
        if (event instanceof TrainingBatch b) {
            r.headers().add("mt_seq", Long.toString(b.sequence()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return r;
    }

    static List<ProducerRecord<String, byte[]>> stream(RunPlanned plan) {
        return batches(plan).stream().map(b -> record(Topics.BATCHES, b)).toList();
    }
}
