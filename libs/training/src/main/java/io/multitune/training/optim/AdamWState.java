package io.multitune.training.optim;

import io.multitune.encoder.weights.WeightTensor;

import java.util.Map;

/**
 * AdamW's state for a checkpoint: the number of updates taken (the t of bias correction and the schedule) and the
 * moments of every parameter that has had an update, by parameter name.
 */
public record AdamWState(long updates, Map<String, WeightTensor> firstMoments, Map<String, WeightTensor> secondMoments) {

    public AdamWState {
        firstMoments = Map.copyOf(firstMoments);
        secondMoments = Map.copyOf(secondMoments);
        if (!firstMoments.keySet().equals(secondMoments.keySet())) {
            throw new IllegalArgumentException("first and second moments name different parameters");
        }
    }
}
