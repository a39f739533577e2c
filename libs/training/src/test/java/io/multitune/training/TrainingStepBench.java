package io.multitune.training;

import ai.djl.ndarray.NDManager;
import io.multitune.encoder.model.AdapterSpec;
import io.multitune.encoder.model.EncoderOptions;
import io.multitune.encoder.model.LoraTarget;
import io.multitune.encoder.onnx.OnnxBertReader;
import io.multitune.encoder.tokens.BertTokenization;
import io.multitune.encoder.weights.BertWeights;
import io.multitune.events.RunPlanned.TaskPlan;
import io.multitune.events.StandardExample;
import io.multitune.events.TaskType;
import io.multitune.mtl.TaskWeightings;
import io.multitune.training.batch.AssembledBatch;
import io.multitune.training.batch.BatchAssembler;
import io.multitune.training.optim.AdamW;
import io.multitune.training.optim.AdamWSettings;
import io.multitune.training.optim.LearningRateSchedule;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Not a test: training-step throughput on MiniLM-L6 with LoRA r=8 (query, value), three tasks (classification,
 * tagging, regression) in one batch of 16 rows × 128 tokens, per weighting strategy. Run with the test classpath
 * and DJL_OFFLINE=true OPT_OUT_TRACKING=true OMP_WAIT_POLICY=PASSIVE; optional arguments: strategies.
 */
public final class TrainingStepBench {

    private static final int WARMUP = 1;
    private static final int MEASURED = 7;

    private TrainingStepBench() {
    }

    public static void main(String[] args) throws Exception {
        List<String> strategies = args.length > 0 ? List.of(args) : List.of("equal", "pcgrad", "cagrad", "famo");
        List<TaskPlan> tasks = List.of(Fixtures.sentiment(), Fixtures.pos(), Fixtures.score());
        BertWeights miniLm = OnnxBertReader.readMiniLm().weights();
        AdapterSpec lora = AdapterSpec.lora(8, 16f, 0.1f, LoraTarget.QUERY, LoraTarget.VALUE);
        try (BertTokenization tokens = BertTokenization.miniLm();
             NDManager manager = NDManager.newBaseManager("PyTorch")) {
            AssembledBatch batch = new BatchAssembler(tasks, tokens, null).assemble(Fixtures.train(0, 1, rows()));
            System.out.printf("batch: %d rows; tasks %s; lengths %s%n", batch.exampleCount(),
                    batch.tasks().stream().map(t -> t.taskId() + "=" + t.size()).toList(),
                    batch.tasks().stream().map(t -> t.inputs().length()).toList());
            // Interleaved rounds (one step per strategy each) so that load from other processes on the shared
            // cores spreads over all strategies instead of skewing whichever ran during it.
            List<MultiTaskModel> models = new ArrayList<>();
            List<AdamW> optimizers = new ArrayList<>();
            List<TrainingStep> steps = new ArrayList<>();
            List<List<Double>> seconds = new ArrayList<>();
            for (String strategy : strategies) {
                MultiTaskModel model = MultiTaskModel.create(manager, miniLm, EncoderOptions.of(lora), tasks, 1);
                AdamW adamW = new AdamW(model.manager(), AdamWSettings.DEFAULTS, LearningRateSchedule.constant(5e-4));
                models.add(model);
                optimizers.add(adamW);
                steps.add(new TrainingStep(model, adamW, TaskWeightings.create(strategy, null, 3, null, 1, 5e-4), 1,
                        Map.of()));
                seconds.add(new ArrayList<>());
            }
            for (int round = 1; round <= WARMUP + MEASURED; round++) {
                for (int k = 0; k < strategies.size(); k++) {
                    StepResult r = steps.get(k).run(batch, round, new boolean[] {true, true, true}, false);
                    if (round > WARMUP) {
                        seconds.get(k).add(r.seconds());
                    }
                }
            }
            double equalSeconds = Double.NaN;
            for (int k = 0; k < strategies.size(); k++) {
                List<Double> sorted = new ArrayList<>(seconds.get(k));
                Collections.sort(sorted);
                double median = sorted.get(sorted.size() / 2);
                equalSeconds = strategies.get(k).equals("equal") ? median : equalSeconds;
                System.out.printf("%-9s %.2f s/step (median of %s), %.1f samples/s, %.2fx equal%n", strategies.get(k),
                        median, seconds.get(k).stream().map(x -> String.format("%.2f", x)).toList(),
                        batch.exampleCount() / median, median / equalSeconds);
            }
            optimizers.forEach(AdamW::close);
            models.forEach(MultiTaskModel::close);
        }
    }

    /** 16 rows of 128 tokens: 6 classification, 5 tagging, 5 regression, all truncated at 128. */
    private static List<StandardExample> rows() {
        String longText = String.join(" ", Collections.nCopies(200, "word"));
        List<String> words = Collections.nCopies(200, "word");
        List<String> tags = Collections.nCopies(200, "NOUN");
        List<StandardExample> rows = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            rows.add(switch (i % 3) {
                case 0 -> Fixtures.text("c" + i, "sentiment", longText, i % 2 == 0 ? "positive" : "negative");
                case 1 -> Fixtures.example("t" + i, "pos", TaskType.TOKEN_CLASSIFICATION,
                        io.multitune.events.ExampleInput.tokens(words), io.multitune.events.ExampleTarget.tags(tags));
                default -> Fixtures.valued("r" + i, longText, i * 0.1);
            });
        }
        return rows;
    }
}
