package io.multitune.encoder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.onnxruntime.OrtException;
import io.multitune.encoder.model.BertEncoder;
import io.multitune.encoder.onnx.OnnxBertWriter;
import io.multitune.encoder.onnx.OrtBertRunner;
import io.multitune.encoder.tokens.BertTokenization;
import io.multitune.encoder.tokens.EncodedBatch;

import java.util.List;
import java.util.Locale;

/**
 * Compares the DJL encoder with ONNX Runtime on the same batch: against the file the weights came from (did we
 * read and rebuild the model right?) or against the encoder's own export (will the served model compute what
 * was trained?). Every value of last_hidden_state at real tokens is compared. Padded positions are left out: nothing
 * reads them (losses and pooling mask them), and on MiniLM their states, built from the never-trained [PAD]
 * embedding, drift ~20 times more between engines (5e-5 vs 2e-6) without saying anything about the model.
 */
public final class ParityCheck {

    /** The bound the trainer enforces at load and at export. */
    public static final double DEFAULT_TOLERANCE = 1e-4;

    /** Probe inputs of different lengths (so padding is exercised), for checks that have no data of their own. */
    public static final List<String> PROBE_SENTENCES = List.of(
            "The quick brown fox jumps over the lazy dog.",
            "Multi-task learning shares one encoder between many tasks, which often helps the smaller ones.",
            "Short one.");

    private ParityCheck() {
    }

    /**
     * The outcome of one comparison.
     *
     * @param maxAbsDiff  largest |DJL − ORT| over all values
     * @param meanAbsDiff mean |DJL − ORT|
     * @param values      number of values compared (real tokens × hidden)
     * @param tolerance   the bound {@link #passed()} checks
     */
    public record Result(double maxAbsDiff, double meanAbsDiff, long values, double tolerance) {

        public boolean passed() {
            return maxAbsDiff <= tolerance;
        }

        /** Throws when the bound is exceeded, with the figures in the message. */
        public Result requirePassed() {
            if (!passed()) {
                throw new IllegalStateException("DJL and ONNX Runtime disagree: " + this);
            }
            return this;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "max |diff| %.3g, mean |diff| %.3g over %d values (bound %.1g)",
                    maxAbsDiff, meanAbsDiff, values, tolerance);
        }
    }

    /** The check at load: {@link #PROBE_SENTENCES}, tokenised by {@code tokenization}, within {@link #DEFAULT_TOLERANCE}. */
    public static Result compare(BertEncoder encoder, byte[] onnxBytes, BertTokenization tokenization)
            throws OrtException {
        return compare(encoder, onnxBytes, tokenization.encode(PROBE_SENTENCES), DEFAULT_TOLERANCE);
    }

    /** DJL (inference mode) against ONNX Runtime running {@code onnxBytes}. */
    public static Result compare(BertEncoder encoder, byte[] onnxBytes, EncodedBatch batch, double tolerance)
            throws OrtException {
        float[] reference;
        try (OrtBertRunner runner = OrtBertRunner.open(onnxBytes)) {
            reference = runner.lastHiddenState(batch);
        }
        float[] ours;
        try (NDManager scratch = encoder.manager().newSubManager()) {
            NDArray hidden = encoder.forward(scratch, batch, false);
            ours = hidden.toFloatArray();
        }
        if (ours.length != reference.length) {
            throw new IllegalStateException("DJL gave " + ours.length + " values, ONNX Runtime " + reference.length);
        }
        int hidden = ours.length / (batch.size() * batch.length());
        double max = 0;
        double sum = 0;
        long compared = 0;
        for (int token = 0; token < batch.size() * batch.length(); token++) {
            if (batch.attentionMask()[token] == 0) {
                continue;
            }
            for (int i = token * hidden; i < (token + 1) * hidden; i++) {
                double d = Math.abs((double) ours[i] - reference[i]);
                if (!(d <= max)) {
                    max = Double.isNaN(d) ? Double.POSITIVE_INFINITY : d;
                }
                sum += d;
            }
            compared += hidden;
        }
        return new Result(max, compared == 0 ? 0 : sum / compared, compared, tolerance);
    }

    /** DJL against ONNX Runtime running the encoder's own export (LoRA merged, adapters as nodes). */
    public static Result compareWithExport(BertEncoder encoder, EncodedBatch batch, double tolerance)
            throws OrtException {
        return compare(encoder, OnnxBertWriter.toBytes(encoder.exportWeights()), batch, tolerance);
    }
}
