package io.multitune.sampling.stream;

import io.multitune.events.TrainingBatch;
import java.util.List;

/**
 * One batch of a job's stream as the sequencer decided it, before any JSON is assembled; the fields mean what they
 * mean on {@link TrainingBatch}.
 *
 * @param sequence        position in the job's stream, from 0, without gaps
 * @param kind            TRAIN or VALIDATION
 * @param step            TRAIN: the step (from 1); VALIDATION: the training steps done before the round
 * @param validationRound VALIDATION: the round (from 1); TRAIN: 0
 * @param last            true on the job's last batch
 * @param examples        the batch's examples in order
 */
public record PlannedBatch(long sequence, TrainingBatch.Kind kind, long step, int validationRound, boolean last,
                           List<TaskedExample> examples) {
}
