package io.multitune.training.optim;

/**
 * AdamW's hyperparameters.
 *
 * @param beta1       first-moment decay (PyTorch default 0.9)
 * @param beta2       second-moment decay (0.999)
 * @param epsilon     added to √v̂ (1e-8)
 * @param weightDecay decoupled weight decay on matrices (rank ≥ 2: dense weights, LoRA A and B, embeddings, head
 *                    weights); biases and LayerNorm parameters are not decayed, the Hugging Face convention
 *                    (default 0.01, PyTorch's AdamW default)
 * @param maxGradNorm global-norm clipping threshold over all trainable parameters (1.0, Hugging Face's Trainer
 *                    default); 0 or infinity disables clipping
 */
public record AdamWSettings(double beta1, double beta2, double epsilon, double weightDecay, double maxGradNorm) {

    public static final AdamWSettings DEFAULTS = new AdamWSettings(0.9, 0.999, 1e-8, 0.01, 1.0);

    public AdamWSettings {
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("betas must be in [0, 1), got " + beta1 + ", " + beta2);
        }
        if (!(epsilon > 0) || !(weightDecay >= 0) || !(maxGradNorm >= 0)) {
            throw new IllegalArgumentException("need epsilon > 0, weightDecay >= 0, maxGradNorm >= 0");
        }
    }

    public AdamWSettings withWeightDecay(double decay) {
        return new AdamWSettings(beta1, beta2, epsilon, decay, maxGradNorm);
    }

    public AdamWSettings withMaxGradNorm(double norm) {
        return new AdamWSettings(beta1, beta2, epsilon, weightDecay, norm);
    }

    boolean clips() {
        return maxGradNorm > 0 && Double.isFinite(maxGradNorm);
    }
}
