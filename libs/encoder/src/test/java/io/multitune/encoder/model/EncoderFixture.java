package io.multitune.encoder.model;

import ai.djl.ndarray.NDManager;
import io.multitune.encoder.tokens.EncodedBatch;
import io.multitune.encoder.weights.BertWeights;

/** Forward passes for tests, each in its own scratch manager so nothing outlives the call. */
final class EncoderFixture {

    private EncoderFixture() {
    }

    static float[] hidden(NDManager manager, BertWeights weights, EncoderOptions options, EncodedBatch batch) {
        try (BertEncoder encoder = BertEncoder.create(manager, weights, options)) {
            return hidden(encoder, batch);
        }
    }

    static float[] hidden(BertEncoder encoder, EncodedBatch batch) {
        try (NDManager scratch = encoder.manager().newSubManager()) {
            return encoder.forward(scratch, batch, false).toFloatArray();
        }
    }

    static double maxAbsDiff(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new AssertionError("lengths differ: " + a.length + " vs " + b.length);
        }
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs((double) a[i] - b[i]));
        }
        return max;
    }
}
