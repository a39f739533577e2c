package io.multitune.trainer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.multitune.events.ModelTrained;
import io.multitune.events.TrainingEnded;
import io.multitune.training.TrainingState;
import io.multitune.training.checkpoint.CheckpointDirectory;
import io.multitune.training.checkpoint.DurableFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A job's files under the artifact root, shared by every replica: its latest checkpoint
 * ({@code checkpoints/<job>/state}, written atomically by {@link TrainingState}), the Kafka offset of the batch the
 * checkpoint ends with ({@code checkpoints/<job>/position.json}), and, once the job has ended, its end record
 * ({@code jobs/<job>/ended.json}) with the events that announced it, so that a second ticket for the job only
 * repeats them.
 */
final class JobFiles {
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** Where the batch a checkpoint ends with sits in the job's partition. */
    record Position(long sequence, long offset) {
    }

    /** How a job ended, with the events that said so (no model when it failed). */
    record JobEnd(TrainingEnded ended, ModelTrained model) {
    }

    private final Path checkpoint;
    private final Path position;
    private final Path end;

    private JobFiles(Path root, String jobId) {
        this.checkpoint = root.resolve("checkpoints").resolve(jobId).resolve("state");
        this.position = root.resolve("checkpoints").resolve(jobId).resolve("position.json");
        this.end = root.resolve("jobs").resolve(jobId).resolve("ended.json");
    }

    static JobFiles of(Path root, String jobId) {
        if (!SAFE_ID.matcher(jobId).matches() || jobId.contains("..")) {
            throw new IllegalArgumentException("job id '" + jobId + "' is not safe as a directory name");
        }
        return new JobFiles(root, jobId);
    }

    Optional<TrainingState> checkpoint() throws IOException {
        if (!CheckpointDirectory.exists(checkpoint)) {
            return Optional.empty();
        }
        return Optional.of(TrainingState.read(checkpoint));
    }

    void writeCheckpoint(TrainingState state, long offset) throws IOException {
        state.write(checkpoint);
        Position at = new Position(state.lastAppliedSequence(), offset);
        DurableFiles.writeAtomically(position, JSON.writeValueAsBytes(at));
    }

    /** The offset to resume reading at: after the checkpoint's last batch when known, else the partition's start. */
    long resumeOffset(TrainingState state) throws IOException {
        try {
            Position p = JSON.readValue(Files.readAllBytes(position), Position.class);
            return p.sequence() == state.lastAppliedSequence() ? p.offset() + 1 : 0;
        } catch (NoSuchFileException e) {
            return 0;
        }
    }

    Optional<JobEnd> end() throws IOException {
        try {
            return Optional.of(JSON.readValue(Files.readAllBytes(end), JobEnd.class));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    void writeEnd(JobEnd jobEnd) throws IOException {
        DurableFiles.writeAtomically(end, JSON.writeValueAsBytes(jobEnd));
    }
}
