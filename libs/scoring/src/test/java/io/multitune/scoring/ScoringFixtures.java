package io.multitune.scoring;

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
import io.multitune.training.batch.QuestionContextTokenizer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Test material, after libs/training's test Fixtures: a tiny random BERT (2 layers, hidden 32, MiniLM's 30,522-token
 * vocabulary) with MiniLM's tokenizer capped at the tiny model's 64 positions, four toy tasks and test examples.
 */
final class ScoringFixtures {

    static final int MAX_LENGTH = 64;
    private static BertTokenization tokens;
    private static QuestionContextTokenizer questions;
    private static NDManager manager;

    private ScoringFixtures() {
    }

    static synchronized NDManager manager() {
        if (manager == null) {
            manager = NDManager.newBaseManager("PyTorch");
        }
        return manager;
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

    /** Closes the shared native resources (called once from @AfterAll). */
    static synchronized void closeAll() {
        if (questions != null) {
            questions.close();
            questions = null;
        }
        if (tokens != null) {
            tokens.close();
            tokens = null;
        }
        if (manager != null) {
            manager.close();
            manager = null;
        }
    }

    static BertWeights tinyWeights(long seed) {
        return RandomBertWeights.create(RandomBertWeights.tinyConfig(30522), seed);
    }

    /** LoRA r=4 on query and value, no dropout anywhere: eval outputs are deterministic. */
    static EncoderOptions noDropout() {
        return EncoderOptions.withoutDropout(AdapterSpec.lora(4, 8f, 0f, LoraTarget.QUERY, LoraTarget.VALUE));
    }

    static TaskPlan task(String id, TaskType type, String... labels) {
        return new TaskPlan(id, type, List.of(id + "-data"), Arrays.asList(labels), 1.0, 100, 100, 1.0, 10);
    }

    static TaskPlan sentiment() {
        return task("sentiment", TaskType.TEXT_CLASSIFICATION, "negative", "positive", "neutral");
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

    static StandardExample example(String id, String task, TaskType type, ExampleInput in, ExampleTarget out) {
        return new StandardExample(1, id, task + "-data", task, type, Split.TEST, in, out, null, null, "en", null,
                null);
    }

    static StandardExample text(String id, String text, String label) {
        return example(id, "sentiment", TaskType.TEXT_CLASSIFICATION, ExampleInput.text(text),
                ExampleTarget.label(label));
    }

    static StandardExample tagged(String id, String words, String tags) {
        return example(id, "ner", TaskType.TOKEN_CLASSIFICATION, ExampleInput.tokens(List.of(words.split(" "))),
                ExampleTarget.tags(List.of(tags.split(" "))));
    }

    static StandardExample valued(String id, String text, double value) {
        return example(id, "score", TaskType.REGRESSION, ExampleInput.text(text), ExampleTarget.value(value));
    }

    static StandardExample answer(String id, String question, String context, String answer) {
        int start = context.indexOf(answer);
        return example(id, "qa", TaskType.EXTRACTIVE_QA, ExampleInput.questionContext(question, context),
                ExampleTarget.answer(new ExampleTarget.AnswerSpan(start, start + answer.length(), answer)));
    }

    static List<StandardExample> sentimentExamples() {
        String[] texts = {"a great and wonderful film", "an awful , boring mess", "i loved every minute",
            "terrible acting and a dull plot", "it was fine i guess", "the best movie of the year",
            "never again", "quite average overall", "superb performances all round", "a waste of time"};
        String[] labels = {"positive", "negative", "positive", "negative", "neutral", "positive", "negative",
            "neutral", "positive", "negative"};
        List<StandardExample> out = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            out.add(text("s" + i, texts[i], labels[i]));
        }
        return out;
    }

    static List<StandardExample> nerExamples() {
        return List.of(
                tagged("n0", "john lives in paris", "B-PER O O B-LOC"),
                tagged("n1", "mary ann smith visited new york yesterday", "B-PER I-PER I-PER O B-LOC I-LOC O"),
                tagged("n2", "the weather is nice", "O O O O"),
                tagged("n3", "berlin is big", "B-LOC O O"),
                tagged("n4", "ask peter", "O B-PER"),
                tagged("n5", "unbelievably antidisestablishmentarianism", "O O"),
                tagged("n6", "anna met bob in rome", "B-PER O B-PER O B-LOC"),
                tagged("n7", "nothing here", "O O"),
                tagged("n8", "san francisco bay", "B-LOC I-LOC I-LOC"));
    }

    static List<StandardExample> scoreExamples() {
        List<StandardExample> out = new ArrayList<>();
        String[] texts = {"short", "a somewhat longer sentence here", "medium length text", "one two three four",
            "x", "another example sentence for scoring", "green ideas", "the quick brown fox jumps", "ok"};
        for (int i = 0; i < texts.length; i++) {
            out.add(valued("r" + i, texts[i], 0.3 * i + 0.1));
        }
        return out;
    }

    static List<StandardExample> qaExamples() {
        return List.of(
                answer("q0", "who wrote it ?", "the book was written by jane austen in 1813 .", "jane austen"),
                answer("q1", "where is the tower ?", "the eiffel tower stands in paris , france .", "paris"),
                answer("q2", "what colour is the sky ?", "on a clear day the sky is blue .", "blue"),
                answer("q3", "when did it open ?", "the bridge opened in 1937 after four years of work .", "1937"),
                answer("q4", "who is the captain ?", "the ship's captain , ahab , hunts a whale .", "ahab"),
                answer("q5", "how many legs ?", "a spider has eight legs and many eyes .", "eight"),
                answer("q6", "what is the capital ?", "rome is the capital of italy .", "rome"),
                answer("q7", "what do bees make ?", "bees collect nectar and make honey in hives .", "honey"));
    }

    /** All four tasks' examples, interleaved. */
    static List<StandardExample> mixed() {
        List<List<StandardExample>> parts = List.of(sentimentExamples(), nerExamples(), scoreExamples(),
                qaExamples());
        List<StandardExample> all = new ArrayList<>();
        int longest = parts.stream().mapToInt(List::size).max().orElse(0);
        for (int i = 0; i < longest; i++) {
            for (List<StandardExample> part : parts) {
                if (i < part.size()) {
                    all.add(part.get(i));
                }
            }
        }
        return all;
    }
}
