package io.multitune.training;

import ai.djl.ndarray.NDManager;
import io.multitune.encoder.MiniLmL6V2;
import io.multitune.encoder.model.AdapterSpec;
import io.multitune.encoder.model.EncoderOptions;
import io.multitune.encoder.model.LoraTarget;
import io.multitune.encoder.tokens.BertTokenization;
import io.multitune.encoder.weights.BertWeights;
import io.multitune.encoder.weights.RandomBertWeights;
import io.multitune.events.ExampleInput;
import io.multitune.events.ExampleTarget;
import io.multitune.events.RunPlanned.TaskPlan;
import io.multitune.events.Split;
import io.multitune.events.StandardExample;
import io.multitune.events.TaskType;
import io.multitune.events.TrainingBatch;
import io.multitune.training.batch.BatchAssembler;
import io.multitune.training.batch.QuestionContextTokenizer;
import io.multitune.training.optim.AdamWSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Shared test material: a tiny random BERT (2 layers, hidden 32, MiniLM's 30,522-token vocabulary) with MiniLM's
 * tokenizer capped at the tiny model's 64 positions, toy tasks and their examples.
 */
public final class Fixtures {

    public static final int MAX_LENGTH = 64;
    private static BertTokenization tokens;
    private static QuestionContextTokenizer questions;
    private static NDManager manager;

    private Fixtures() {
    }

    public static synchronized NDManager manager() {
        if (manager == null) {
            manager = NDManager.newBaseManager("PyTorch");
        }
        return manager;
    }

    public static synchronized BertTokenization tokens() {
        try {
            if (tokens == null) {
                tokens = BertTokenization.load(MiniLmL6V2.TOKENIZER_JSON, MAX_LENGTH);
            }
            return tokens;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static synchronized QuestionContextTokenizer questions() {
        try {
            if (questions == null) {
                questions = QuestionContextTokenizer.load(MiniLmL6V2.TOKENIZER_JSON, MAX_LENGTH);
            }
            return questions;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static BertWeights tinyWeights(long seed) {
        return RandomBertWeights.create(RandomBertWeights.tinyConfig(30522), seed);
    }

    /** LoRA r=4 on query and value with the given dropout on its branch. */
    public static AdapterSpec lora(float dropout) {
        return AdapterSpec.lora(4, 8f, dropout, LoraTarget.QUERY, LoraTarget.VALUE);
    }

    /** LoRA without any dropout, in the branch or the encoder: steps are deterministic without seeding. */
    public static EncoderOptions noDropout() {
        return EncoderOptions.withoutDropout(lora(0f));
    }

    public static BatchAssembler assembler(List<TaskPlan> tasks) {
        return new BatchAssembler(tasks, tokens(), questions());
    }

    // ---- tasks ----

    public static TaskPlan task(String id, TaskType type, String... labels) {
        return new TaskPlan(id, type, List.of(id + "-data"), Arrays.asList(labels), 1.0, 100, 100, 1.0, 10);
    }

    public static TaskPlan sentiment() {
        return task("sentiment", TaskType.TEXT_CLASSIFICATION, "negative", "positive");
    }

    public static TaskPlan pos() {
        return task("pos", TaskType.TOKEN_CLASSIFICATION, "DET", "NOUN", "VERB", "ADJ", ".");
    }

    public static TaskPlan score() {
        return task("score", TaskType.REGRESSION);
    }

    public static TaskPlan nli() {
        return task("nli", TaskType.TEXT_PAIR_CLASSIFICATION, "contradiction", "entailment");
    }

    public static TaskPlan qa() {
        return task("qa", TaskType.EXTRACTIVE_QA);
    }

    // ---- examples ----

    public static StandardExample example(String id, String task, TaskType type, ExampleInput in, ExampleTarget out) {
        return new StandardExample(1, id, task + "-data", task, type, Split.TRAIN, in, out, null, null, "en", null,
                null);
    }

    public static StandardExample text(String id, String task, String text, String label) {
        return example(id, task, TaskType.TEXT_CLASSIFICATION, ExampleInput.text(text), ExampleTarget.label(label));
    }

    public static StandardExample tagged(String id, String words, String tags) {
        return example(id, "pos", TaskType.TOKEN_CLASSIFICATION, ExampleInput.tokens(List.of(words.split(" "))),
                ExampleTarget.tags(List.of(tags.split(" "))));
    }

    public static StandardExample valued(String id, String text, double value) {
        return example(id, "score", TaskType.REGRESSION, ExampleInput.text(text), ExampleTarget.value(value));
    }

    public static StandardExample pair(String id, String premise, String hypothesis, String label) {
        return example(id, "nli", TaskType.TEXT_PAIR_CLASSIFICATION, ExampleInput.pair(premise, hypothesis),
                ExampleTarget.label(label));
    }

    public static StandardExample answer(String id, String question, String context, String answer) {
        int start = context.indexOf(answer);
        return example(id, "qa", TaskType.EXTRACTIVE_QA, ExampleInput.questionContext(question, context),
                ExampleTarget.answer(new ExampleTarget.AnswerSpan(start, start + answer.length(), answer)));
    }

    public static TrainingBatch train(long sequence, long step, List<StandardExample> examples) {
        return new TrainingBatch(1, "run", "job", sequence, TrainingBatch.Kind.TRAIN, step, 0, false, examples);
    }

    public static TrainingBatch validation(long sequence, long step, int round, List<StandardExample> examples) {
        return new TrainingBatch(1, "run", "job", sequence, TrainingBatch.Kind.VALIDATION, step, round, false,
                examples);
    }

    // ---- toy data: three tasks with rows in every batch ----

    public static List<StandardExample> sentimentExamples() {
        return List.of(
                text("s1", "sentiment", "a great and wonderful film", "positive"),
                text("s2", "sentiment", "an awful , boring mess", "negative"),
                text("s3", "sentiment", "i loved every minute", "positive"),
                text("s4", "sentiment", "terrible acting and a dull plot", "negative"));
    }

    public static List<StandardExample> posExamples() {
        return List.of(
                tagged("p1", "the cat sat .", "DET NOUN VERB ."),
                tagged("p2", "a dog ran", "DET NOUN VERB"),
                tagged("p3", "the tall tree fell .", "DET ADJ NOUN VERB ."));
    }

    public static List<StandardExample> scoreExamples() {
        return List.of(
                valued("r1", "short", 0.5),
                valued("r2", "a somewhat longer sentence here", 2.0),
                valued("r3", "medium length text", 1.0));
    }

    /** A batch with rows of sentiment, pos and score, interleaved. */
    public static List<StandardExample> mixedExamples(int variant) {
        List<StandardExample> all = new ArrayList<>();
        List<StandardExample> s = sentimentExamples();
        List<StandardExample> p = posExamples();
        List<StandardExample> r = scoreExamples();
        for (int k = 0; k < 3; k++) {
            all.add(s.get((k + variant) % s.size()));
            all.add(p.get((k + variant) % p.size()));
            all.add(r.get((k + variant) % r.size()));
        }
        return all;
    }

    public static List<TaskPlan> threeTasks() {
        return List.of(sentiment(), pos(), score());
    }

    /** Trainer settings for tests: a fixed rate without schedule surprises, small windows. */
    public static TrainerSettings settings(EncoderOptions encoder, String strategy, long totalSteps) {
        return new TrainerSettings(7L, encoder, 1e-2, totalSteps, 0.1, AdamWSettings.DEFAULTS,
                Map.of("sentiment", 0.01), 2, strategy, Map.of(), new double[] {1, 1, 1}, 2, 3, 2);
    }
}
