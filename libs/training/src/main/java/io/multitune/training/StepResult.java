package io.multitune.training;

import io.multitune.training.optim.AdamW;

/**
 * What one training step did.
 *
 * @param step           the step number
 * @param losses         per task: the training loss of its rows in this step, NaN where it had none or had stopped
 * @param coefficients   c_i of the update d = Σ c_i g_i (0 for tasks that did not pull)
 * @param weights        per-task weights for telemetry (the strategy's loss weights, or its coefficients)
 * @param combinedLoss   the strategy's scalar objective for logging
 * @param optimizer      the AdamW update (learning rate, gradient norm before clipping); null if the step was
 *                       skipped because no pulling task had rows in the batch
 * @param conflicts      the gradient-conflict cosine matrix, when this step computed per-task gradients and was
 *                       asked to; null otherwise
 * @param examples       examples that trained (rows of pulling tasks)
 * @param perTaskPath    whether the step took the per-task gradient path
 * @param seconds        wall time of the step
 */
public record StepResult(long step, double[] losses, double[] coefficients, double[] weights, double combinedLoss,
                         AdamW.Report optimizer, double[][] conflicts, int examples, boolean perTaskPath,
                         double seconds) {

    /** The same result with the step's full wall time (FAMO's after-update forward included). */
    public StepResult withSeconds(double wallSeconds) {
        return new StepResult(step, losses, coefficients, weights, combinedLoss, optimizer, conflicts, examples,
                perTaskPath, wallSeconds);
    }

    public boolean skipped() {
        return optimizer == null;
    }
}
