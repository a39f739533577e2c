package io.multitune.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import io.multitune.encoder.MiniLmL6V2;
import io.multitune.encoder.model.AdapterSpec;
import io.multitune.encoder.model.EncoderOptions;
import io.multitune.encoder.model.LoraTarget;
import io.multitune.encoder.onnx.OnnxBertReader;
import io.multitune.encoder.tokens.BertTokenization;
import io.multitune.encoder.weights.BertWeights;
import io.multitune.events.RunPlanned.TaskPlan;
import io.multitune.events.StandardExample;
import io.multitune.events.TaskType;
import io.multitune.events.TrainingBatch;
import io.multitune.training.batch.BatchAssembler;
import io.multitune.training.eval.TaskValidation;
import io.multitune.training.optim.AdamWSettings;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Integration: one two-task job on the real MiniLM-L6 with LoRA r=8 on query and value, on the real demo data of
 * sentiment@5.0.2 (UCI "sentiment labelled sentences": 3 x 1,000 sentences from Amazon, IMDb and Yelp reviews):
 * <ul>
 *   <li>{@code sentiment}: negative/positive, sentences of all three sites;</li>
 *   <li>{@code site}: which site a sentence comes from (amazon/imdb/yelp), on other sentences: a real topic
 *       classification task (products, films, restaurants) whose labels are the data's own provenance.</li>
 * </ul>
 * Both tasks' held-out metric is measured before any step (step 0) and after training; each must improve by a
 * clear margin and beat its majority class. Sequences are capped at 64 tokens and the slices are small, so the test
 * stays within about a minute and a half on two cores. Fails, not skips, when the data is neither under
 * .multitune/demo-data nor fetchable with npm: a skipped test would hide that the check did not run.
 */
class MiniLmTwoTaskTest {

    private static final List<String> SITES = List.of("amazon", "imdb", "yelp");
    private static final int MAX_TOKENS = 64;
    /** Per task and site: training and held-out sentences. */
    private static final int TRAIN_PER_SITE = 64;
    private static final int HELD_OUT_PER_SITE = 50;
    /** Rows per training batch, half of each task. */
    private static final int BATCH = 16;
    private static final int PASSES = 2;
    private static final int VALIDATION_BATCH = 25;

    @Test
    void aTwoTaskLoraJobOnMiniLmImprovesBothTasksOnHeldOutSentences() throws Exception {
        Optional<Map<String, List<DemoSentences.Sentence>>> data = sentencesBySite();
        assertTrue(data.isPresent(), "the demo sentiment data (npm sentiment@5.0.2: amazon, imdb and yelp "
                + "fixtures) is neither under .multitune/demo-data nor fetchable with npm pack");

        // Each site's sentences, shuffled, cut into four disjoint slices: the two tasks never share a sentence.
        List<StandardExample> sentimentTrain = new ArrayList<>();
        List<StandardExample> siteTrain = new ArrayList<>();
        List<StandardExample> sentimentHeldOut = new ArrayList<>();
        List<StandardExample> siteHeldOut = new ArrayList<>();
        Random random = new Random(23);
        for (String site : SITES) {
            List<DemoSentences.Sentence> all = new ArrayList<>(data.get().get(site));
            Collections.shuffle(all, random);
            int t = TRAIN_PER_SITE;
            int h = HELD_OUT_PER_SITE;
            sentimentTrain.addAll(sentiment(all.subList(0, t), "st-" + site));
            siteTrain.addAll(site(all.subList(t, 2 * t), site, "wt-" + site));
            sentimentHeldOut.addAll(sentiment(all.subList(2 * t, 2 * t + h), "sh-" + site));
            siteHeldOut.addAll(site(all.subList(2 * t + h, 2 * t + 2 * h), site, "wh-" + site));
        }
        Collections.shuffle(sentimentTrain, random);
        Collections.shuffle(siteTrain, random);
        double sentimentMajority = majority(sentimentHeldOut);
        double siteMajority = majority(siteHeldOut);

        TaskPlan sentimentTask = Fixtures.task("sentiment", TaskType.TEXT_CLASSIFICATION, "negative", "positive");
        TaskPlan siteTask = Fixtures.task("site", TaskType.TEXT_CLASSIFICATION, "amazon", "imdb", "yelp");
        List<TaskPlan> tasks = List.of(sentimentTask, siteTask);
        int perTask = BATCH / 2;
        int steps = PASSES * sentimentTrain.size() / perTask;
        AdapterSpec lora = AdapterSpec.lora(8, 16f, 0.1f, LoraTarget.QUERY, LoraTarget.VALUE);
        // Hidden dropout as BERT; no attention dropout, whose random masks are the dearest part of a CPU step.
        EncoderOptions encoder = new EncoderOptions(lora, 0.1f, 0f, 42L);
        TrainerSettings settings = new TrainerSettings(42, encoder, 2e-3, steps, 0.1, AdamWSettings.DEFAULTS,
                Map.of(), 3, "equal", null, new double[] {1, 1}, 8, 0, 8);

        long start = System.nanoTime();
        BertWeights miniLm = OnnxBertReader.readMiniLm().weights();
        try (BertTokenization tokens = BertTokenization.load(MiniLmL6V2.TOKENIZER_JSON, MAX_TOKENS);
             NDManager manager = NDManager.newBaseManager("PyTorch");
             JobTrainer trainer = JobTrainer.start(manager, miniLm, "two-task", tasks,
                     new BatchAssembler(tasks, tokens, null), settings)) {
            double loaded = seconds(start);
            long[] sequence = {0};
            Function<Long, List<TaskValidation>> validate = step -> trainer.validate(
                    round(sentimentHeldOut, siteHeldOut, sequence, step));

            List<TaskValidation> before = validate.apply(0L);
            double validatedBefore = seconds(start);
            for (int step = 1; step <= steps; step++) {
                List<StandardExample> rows = new ArrayList<>(BATCH);
                rows.addAll(slice(sentimentTrain, step, perTask));
                rows.addAll(slice(siteTrain, step, perTask));
                trainer.train(Fixtures.train(sequence[0]++, step, rows));
            }
            double trained = seconds(start);
            List<TaskValidation> after = validate.apply((long) steps);
            double total = seconds(start);

            TaskValidation sentimentBefore = before.get(0);
            TaskValidation siteBefore = before.get(1);
            TaskValidation sentimentAfter = after.get(0);
            TaskValidation siteAfter = after.get(1);
            assertEquals(List.of("sentiment", "site"), after.stream().map(TaskValidation::taskId).toList());
            assertEquals(3L * HELD_OUT_PER_SITE, sentimentAfter.examples());
            assertEquals(3L * HELD_OUT_PER_SITE, siteAfter.examples());
            System.out.printf("MiniLM LoRA r=8, two tasks, %d steps of %d rows (max %d tokens):%n"
                            + "  sentiment accuracy %.3f -> %.3f (majority %.3f), loss %.3f -> %.3f%n"
                            + "  site      accuracy %.3f -> %.3f (majority %.3f), loss %.3f -> %.3f%n"
                            + "  load %.1f s, validate %.1f s, train %.1f s, validate %.1f s, total %.1f s%n",
                    steps, BATCH, MAX_TOKENS,
                    sentimentBefore.score(), sentimentAfter.score(), sentimentMajority, sentimentBefore.loss(),
                    sentimentAfter.loss(),
                    siteBefore.score(), siteAfter.score(), siteMajority, siteBefore.loss(), siteAfter.loss(),
                    loaded, validatedBefore - loaded, trained - validatedBefore, total - trained, total);

            assertTrue(sentimentAfter.score() >= sentimentBefore.score() + 0.15, "sentiment: "
                    + sentimentBefore.score() + " -> " + sentimentAfter.score());
            assertTrue(siteAfter.score() >= siteBefore.score() + 0.15, "site: " + siteBefore.score() + " -> "
                    + siteAfter.score());
            assertTrue(sentimentAfter.score() >= sentimentMajority + 0.15, "sentiment accuracy "
                    + sentimentAfter.score() + " vs majority " + sentimentMajority);
            assertTrue(siteAfter.score() >= siteMajority + 0.25, "site accuracy " + siteAfter.score()
                    + " vs majority " + siteMajority);
            assertTrue(sentimentAfter.loss() < sentimentBefore.loss() && siteAfter.loss() < siteBefore.loss(),
                    "both validation losses fall");
        }
    }

    /** One validation round: both tasks' held-out rows, in small batches so padding stays short. */
    private static List<TrainingBatch> round(List<StandardExample> a, List<StandardExample> b, long[] sequence,
                                             long step) {
        List<TrainingBatch> round = new ArrayList<>();
        for (List<StandardExample> rows : List.of(a, b)) {
            for (int from = 0; from < rows.size(); from += VALIDATION_BATCH) {
                round.add(Fixtures.validation(sequence[0]++, step, 1,
                        rows.subList(from, Math.min(rows.size(), from + VALIDATION_BATCH))));
            }
        }
        return round;
    }

    /** The step's rows of a task, cycling through its training examples. */
    private static List<StandardExample> slice(List<StandardExample> rows, int step, int size) {
        int from = ((step - 1) * size) % rows.size();
        return rows.subList(from, Math.min(rows.size(), from + size));
    }

    private static double majority(List<StandardExample> rows) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        rows.forEach(e -> counts.merge(e.target().label(), 1, Integer::sum));
        return Collections.max(counts.values()) / (double) rows.size();
    }

    private static List<StandardExample> sentiment(List<DemoSentences.Sentence> sentences, String prefix) {
        List<StandardExample> out = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            DemoSentences.Sentence s = sentences.get(i);
            out.add(Fixtures.text(prefix + i, "sentiment", s.text(), s.positive() ? "positive" : "negative"));
        }
        return out;
    }

    private static List<StandardExample> site(List<DemoSentences.Sentence> sentences, String site, String prefix) {
        List<StandardExample> out = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            out.add(Fixtures.text(prefix + i, "site", sentences.get(i).text(), site));
        }
        return out;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    // ---- the demo data: sentiment@5.0.2's three fixtures ----

    private static Optional<Map<String, List<DemoSentences.Sentence>>> sentencesBySite() throws IOException {
        Map<String, List<DemoSentences.Sentence>> bySite = new LinkedHashMap<>();
        for (String site : SITES) {
            Optional<List<DemoSentences.Sentence>> sentences = DemoSentences.site(site);
            if (sentences.isEmpty()) {
                return Optional.empty();
            }
            bySite.put(site, sentences.get());
        }
        return Optional.of(bySite);
    }
}
