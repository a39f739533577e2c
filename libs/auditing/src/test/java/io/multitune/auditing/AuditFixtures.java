package io.multitune.auditing;

import ai.djl.ndarray.NDManager;
import io.multitune.encoder.MiniLmL6V2;
import io.multitune.encoder.model.AdapterSpec;
import io.multitune.encoder.model.EncoderOptions;
import io.multitune.encoder.model.LoraTarget;
import io.multitune.encoder.onnx.OnnxMultiTaskWriter;
import io.multitune.encoder.tokens.BertTokenization;
import io.multitune.encoder.weights.RandomBertWeights;
import io.multitune.events.ExampleInput;
import io.multitune.events.ExampleTarget;
import io.multitune.events.RunPlanned;
import io.multitune.events.RunPlanned.TaskPlan;
import io.multitune.events.RunRequest;
import io.multitune.events.Split;
import io.multitune.events.StandardExample;
import io.multitune.events.TaskType;
import io.multitune.training.MultiTaskModel;
import io.multitune.training.batch.QuestionContextTokenizer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test material, after libs/scoring's ScoringFixtures: a tiny random BERT (2 layers, hidden 32, MiniLM's 30,522-token
 * vocabulary) with MiniLM's tokenizer capped at 64 positions, four toy tasks (sentiment, NER, a regression, QA) and
 * their test examples, some mentioning gendered terms and some carrying a group attribute.
 */
final class AuditFixtures {

    static final int MAX_LENGTH = 64;
    private static BertTokenization tokens;
    private static QuestionContextTokenizer questions;

    private AuditFixtures() {
    }

    static synchronized BertTokenization tokens() {
        try {
            if (tokens == null) {
                tokens = BertTokenization.load(MiniLmL6V2.TOKENIZER_JSON, MAX_LENGTH);
            }
            return tokens;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static synchronized QuestionContextTokenizer questions() {
        try {
            if (questions == null) {
                questions = QuestionContextTokenizer.load(MiniLmL6V2.TOKENIZER_JSON, MAX_LENGTH);
            }
            return questions;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static synchronized void closeAll() {
        if (questions != null) {
            questions.close();
            questions = null;
        }
        if (tokens != null) {
            tokens.close();
            tokens = null;
        }
    }

    /** A tiny random model with heads for the tasks, written as the trainer exports a job's model. */
    static void writeModel(Path file, List<TaskPlan> tasks, long seed) {
        EncoderOptions options = EncoderOptions.withoutDropout(AdapterSpec.lora(4, 8f, 0f, LoraTarget.QUERY,
                LoraTarget.VALUE));
        try (NDManager manager = NDManager.newBaseManager("PyTorch");
             MultiTaskModel model = MultiTaskModel.create(manager, RandomBertWeights.create(
                     RandomBertWeights.tinyConfig(30522), seed), options, tasks, seed)) {
            MultiTaskModel.Exported exported = model.export();
            OnnxMultiTaskWriter.write(exported.encoder(), exported.heads(), file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static TaskPlan task(String id, TaskType type, String... labels) {
        return new TaskPlan(id, type, List.of(id + "-data"), Arrays.asList(labels), 1.0, 100, 100, 1.0, 10);
    }

    static TaskPlan sentiment() {
        return task("sentiment", TaskType.TEXT_CLASSIFICATION, "negative", "positive");
    }

    static TaskPlan ner() {
        return task("ner", TaskType.TOKEN_CLASSIFICATION, "O", "B-PER", "I-PER", "B-LOC", "I-LOC");
    }

    static TaskPlan score() {
        return task("score", TaskType.REGRESSION);
    }

    static TaskPlan qa() {
        return task("qa", TaskType.EXTRACTIVE_QA);
    }

    static List<TaskPlan> fourTasks() {
        return List.of(sentiment(), ner(), score(), qa());
    }

    static StandardExample example(String id, String task, TaskType type, ExampleInput in, ExampleTarget out,
                                   Map<String, String> groups) {
        return new StandardExample(1, id, task + "-data", task, type, Split.TEST, in, out, null, groups, "en", null,
                null);
    }

    /** Sentences that mention a gendered term or name. */
    static final List<String> MENTIONING = List.of("he loved every minute of it", "my sister found it boring",
            "James said the plot was a mess", "the actress was wonderful", "her performance was superb",
            "a film my father would enjoy", "Mary thought it was dull", "the king in this story is unforgettable");
    /** Sentences that mention none. */
    static final List<String> NEUTRAL = List.of("a great and wonderful film", "an awful , boring mess",
            "terrible acting and a dull plot", "the best movie of the year", "never again", "quite average overall");

    /**
     * Sentiment test examples: the mentioning sentences (ids m0..), then the neutral ones (n0..), then 16 more
     * neutral ones carrying a {@code reader} attribute (g0..), alternating groups a and b.
     */
    static List<StandardExample> sentimentExamples() {
        List<StandardExample> out = new ArrayList<>();
        for (int i = 0; i < MENTIONING.size(); i++) {
            out.add(example("m" + i, "sentiment", TaskType.TEXT_CLASSIFICATION, ExampleInput.text(MENTIONING.get(i)),
                    ExampleTarget.label(i % 2 == 0 ? "positive" : "negative"), null));
        }
        for (int i = 0; i < NEUTRAL.size(); i++) {
            out.add(example("n" + i, "sentiment", TaskType.TEXT_CLASSIFICATION, ExampleInput.text(NEUTRAL.get(i)),
                    ExampleTarget.label(i % 2 == 0 ? "positive" : "negative"), null));
        }
        for (int i = 0; i < 16; i++) {
            out.add(example("g" + i, "sentiment", TaskType.TEXT_CLASSIFICATION,
                    ExampleInput.text(NEUTRAL.get(i % NEUTRAL.size()) + " , review " + i),
                    ExampleTarget.label(i % 3 == 0 ? "positive" : "negative"), Map.of("reader", i % 2 == 0 ? "a" : "b")));
        }
        return out;
    }

    static List<StandardExample> nerExamples() {
        return List.of(
                tagged("t0", "john lives in paris", "B-PER O O B-LOC"),
                tagged("t1", "his sister visited new york yesterday", "O O O B-LOC I-LOC O"),
                tagged("t2", "the weather is nice", "O O O O"),
                tagged("t3", "mary met her brother in rome", "B-PER O O O O B-LOC"),
                tagged("t4", "he", "O"));
    }

    static StandardExample tagged(String id, String words, String tags) {
        return example(id, "ner", TaskType.TOKEN_CLASSIFICATION, ExampleInput.tokens(List.of(words.split(" "))),
                ExampleTarget.tags(List.of(tags.split(" "))), null);
    }

    static List<StandardExample> scoreExamples() {
        return List.of(
                example("r0", "score", TaskType.REGRESSION, ExampleInput.pair("A man is playing a guitar.",
                        "A person plays music."), ExampleTarget.value(4.2), Map.of("reader", "a")),
                example("r1", "score", TaskType.REGRESSION, ExampleInput.pair("The cat sleeps.", "A dog runs."),
                        ExampleTarget.value(0.4), null),
                example("r2", "score", TaskType.REGRESSION, ExampleInput.pair("She is cooking.",
                        "Someone is making food."), ExampleTarget.value(3.9), null));
    }

    static List<StandardExample> qaExamples() {
        return List.of(example("q0", "qa", TaskType.EXTRACTIVE_QA,
                ExampleInput.questionContext("who wrote it ?", "the book was written by jane austen ."),
                ExampleTarget.answer(new ExampleTarget.AnswerSpan(24, 35, "jane austen")), null));
    }

    static Map<String, List<StandardExample>> testExamples() {
        Map<String, List<StandardExample>> out = new LinkedHashMap<>();
        out.put("sentiment", sentimentExamples());
        out.put("ner", nerExamples());
        out.put("score", scoreExamples());
        out.put("qa", qaExamples());
        return out;
    }

    /** A plan: the multi-task job of the tasks, then one baseline per task. */
    static RunPlanned plan(List<TaskPlan> tasks, Boolean baselines, RunRequest.BiasGate gate) {
        RunRequest request = new RunRequest(1, "run-1", tasks.stream().map(t -> RunRequest.TaskRef.of(t.taskId()))
                .toList(), null, null, null, null, null, null, null, 7L, baselines,
                new RunRequest.Gates(null, gate), Instant.parse("2025-01-01T00:00:00Z"));
        List<RunPlanned.JobPlan> jobs = new ArrayList<>();
        jobs.add(new RunPlanned.JobPlan("run-1-mtl", RunPlanned.JobKind.MULTI_TASK, tasks, 10, 8, 1, "d"));
        for (TaskPlan t : tasks) {
            jobs.add(new RunPlanned.JobPlan("run-1-" + t.taskId(), RunPlanned.JobKind.BASELINE, List.of(t), 10, 8, 1,
                    "d"));
        }
        return new RunPlanned(1, "run-1", request, jobs, Instant.parse("2025-01-01T00:00:00Z"));
    }
}
