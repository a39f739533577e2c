package io.multitune.training;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.multitune.encoder.weights.WeightTensor;
import io.multitune.mtl.TaskWeighting;
import io.multitune.training.checkpoint.CheckpointDirectory;
import io.multitune.training.checkpoint.TensorFile;
import io.multitune.training.eval.EarlyStopping;
import io.multitune.training.optim.AdamWState;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A job's checkpoint: everything that decides its next steps. With the same deterministic setup (base weights,
 * settings, tokenizer) and the same batches after {@link #lastAppliedSequence()}, a job restored from it continues
 * bit-identically to one that never stopped.
 *
 * @param jobId               the job
 * @param taskIds             its tasks, in head order
 * @param strategy            the weighting strategy
 * @param seed                the run seed
 * @param step                the last applied training step
 * @param lastAppliedSequence the last batch (training or validation) the trainer consumed; resume after it
 * @param parameters          the trainable parameters by name (encoder adapters or all encoder weights, heads)
 * @param optimizer           AdamW's moments and update count
 * @param weighting           the strategy's learned state
 * @param earlyStopping       per-task best scores, rounds without improvement, stopped flags
 * @param lastLosses          per task, the last observed training loss (the stand-in for absent tasks)
 * @param window              the current loss window (DWA)
 */
public record TrainingState(String jobId, List<String> taskIds, String strategy, long seed, long step,
                            long lastAppliedSequence, Map<String, WeightTensor> parameters, AdamWState optimizer,
                            TaskWeighting.State weighting, EarlyStopping.State earlyStopping, double[] lastLosses,
                            LossWindow.State window) {

    static final String PARAMETERS = "parameters.bin";
    static final String FIRST_MOMENTS = "adamw-m.bin";
    static final String SECOND_MOMENTS = "adamw-v.bin";
    static final String STATE = "state.json";

    /** Non-finite doubles (NaN losses, −∞ best scores) are written as the strings Jackson reads back. */
    static final ObjectMapper JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    public TrainingState {
        taskIds = List.copyOf(taskIds);
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** The JSON part: everything but the tensors. */
    record Scalars(String jobId, List<String> taskIds, String strategy, long seed, long step, long lastAppliedSequence,
                   long optimizerUpdates, TaskWeighting.State weighting, EarlyStopping.State earlyStopping,
                   double[] lastLosses, LossWindow.State window) {
    }

    /** Writes the checkpoint to {@code directory} atomically (see {@link CheckpointDirectory}). */
    public void write(Path directory) throws IOException {
        CheckpointDirectory.write(directory, dir -> {
            TensorFile.write(dir.resolve(PARAMETERS), parameters);
            TensorFile.write(dir.resolve(FIRST_MOMENTS), optimizer.firstMoments());
            TensorFile.write(dir.resolve(SECOND_MOMENTS), optimizer.secondMoments());
            JSON.writeValue(dir.resolve(STATE).toFile(), new Scalars(jobId, taskIds, strategy, seed, step,
                    lastAppliedSequence, optimizer.updates(), weighting, earlyStopping, lastLosses, window));
        }, JSON);
    }

    /** Reads a checkpoint, verifying every file against the manifest's SHA-256. */
    public static TrainingState read(Path directory) throws IOException {
        Path dir = CheckpointDirectory.open(directory, JSON);
        Scalars s = JSON.readValue(dir.resolve(STATE).toFile(), Scalars.class);
        AdamWState optimizer = new AdamWState(s.optimizerUpdates(), TensorFile.read(dir.resolve(FIRST_MOMENTS)),
                TensorFile.read(dir.resolve(SECOND_MOMENTS)));
        return new TrainingState(s.jobId(), s.taskIds(), s.strategy(), s.seed(), s.step(), s.lastAppliedSequence(),
                TensorFile.read(dir.resolve(PARAMETERS)), optimizer, s.weighting(), s.earlyStopping(),
                s.lastLosses(), s.window());
    }
}
