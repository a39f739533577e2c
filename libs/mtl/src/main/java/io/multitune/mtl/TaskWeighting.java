package io.multitune.mtl;

import java.util.Arrays;
import java.util.Map;

/**
 * A task weighting or gradient surgery strategy: from the T task losses (and, where needed, the Gram matrix of the
 * per-task gradients) it gives the coefficients c_i of the update direction d = Σ_i c_i g_i. See the package
 * documentation for why the library works on the Gram matrix instead of the gradients. Not thread-safe: one
 * trainer loop drives one instance.
 */
public interface TaskWeighting {

    /** The strategy name as a run request spells it ({@code equal}, {@code pcgrad}, ...). */
    String name();

    /** T, the number of tasks every array is indexed by. */
    int tasks();

    /** Whether {@link StepInput#gram()} must be given: the trainer then computes the per-task gradients. */
    default boolean needsGradients() {
        return false;
    }

    /** Whether {@link StepInput#sharedLayerGradNorms()} must be given (GradNorm). */
    default boolean needsSharedLayerNorms() {
        return false;
    }

    /**
     * Whether the trainer must call {@link #afterUpdate} after each optimiser step (FAMO): it then re-evaluates the
     * losses of the same batch with the updated parameters, one extra forward pass.
     */
    default boolean needsLossesAfterUpdate() {
        return false;
    }

    /** The coefficients of this step's update direction; may advance the strategy's own learned state. */
    Step combine(StepInput input);

    /**
     * Called by the trainer at the end of every window (an epoch, or a fixed number of steps the run chooses) with
     * the mean loss of each task over that window. DWA derives its weights from the last two windows; the other
     * strategies ignore it, so the trainer can call it unconditionally.
     */
    default void endOfWindow(double[] meanLosses) {
    }

    /**
     * Called after the optimiser applied the direction of the latest {@link #combine}, with the losses of the same
     * batch under the updated parameters; only strategies with {@link #needsLossesAfterUpdate()} use it.
     */
    default void afterUpdate(double[] lossesAfterUpdate) {
    }

    /** The learned state for a checkpoint; the configuration (hyperparameters, seed) is not part of it. */
    State state();

    /** Continues from a checkpointed state taken from a strategy of the same name and task count. */
    void restore(State state);

    /**
     * What the trainer hands over for one optimiser step.
     *
     * @param step                 the optimiser step number (PCGrad derives its random task order from it)
     * @param losses               L_i, one per task
     * @param gram                 G_ij = g_i·g_j over the trainable parameters; null unless {@link #needsGradients()}
     * @param sharedLayerGradNorms ‖∇_W L_i‖ on the chosen shared layer W; null unless {@link #needsSharedLayerNorms()}
     */
    record StepInput(long step, double[] losses, double[][] gram, double[] sharedLayerGradNorms) {

        public StepInput {
            if (step < 0) {
                throw new IllegalArgumentException("step must be >= 0, got " + step);
            }
            losses = Checks.finite(losses, "losses").clone();
            gram = gram == null ? null : Checks.gram(gram);
            sharedLayerGradNorms = sharedLayerGradNorms == null ? null
                    : Checks.nonNegative(sharedLayerGradNorms, "sharedLayerGradNorms").clone();
        }

        /** Losses only: for the strategies that need neither gradients nor norms. */
        public StepInput(long step, double[] losses) {
            this(step, losses, null, null);
        }
    }

    /**
     * The answer for one step.
     *
     * @param coefficients c_i with d = Σ_i c_i g_i
     * @param weights      the per-task weight for telemetry: the loss weight of a loss weighting method; for
     *                     PCGrad and CAGrad, which have no loss weights, the coefficients themselves (the effective
     *                     weight of each task's gradient in the update)
     * @param combinedLoss the scalar for logging: the objective whose gradient, with the weights held fixed, is d
     *                     (e.g. Σ w_i L_i, plus Σ s_i for uncertainty); for PCGrad Σ L_i and for CAGrad the mean
     *                     L_i, the objective whose gradient the surgery starts from
     */
    record Step(double[] coefficients, double[] weights, double combinedLoss) {

        @Override
        public String toString() {
            return "Step[coefficients=" + Arrays.toString(coefficients) + ", weights=" + Arrays.toString(weights)
                    + ", combinedLoss=" + combinedLoss + "]";
        }
    }

    /**
     * A strategy's learned state for checkpoints: named arrays (per-task values, optimiser moments) and scalars
     * (counters). A plain record of maps so Jackson writes and reads it without annotations.
     */
    record State(String strategy, Map<String, double[]> arrays, Map<String, Double> scalars) {

        public State {
            arrays = arrays == null ? Map.of() : Map.copyOf(arrays);
            scalars = scalars == null ? Map.of() : Map.copyOf(scalars);
        }
    }
}
