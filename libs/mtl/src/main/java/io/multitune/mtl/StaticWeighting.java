package io.multitune.mtl;

/** Static weighting: L = Σ_i w_i L_i with the weights the run request gives per task, so c_i = w_i. */
public final class StaticWeighting implements TaskWeighting {

    public static final String NAME = "static";

    private final double[] weights;

    public StaticWeighting(double[] weights) {
        this.weights = Checks.nonNegative(weights, "static weights").clone();
        Checks.tasks(weights.length);
        if (Vectors.sum(this.weights) <= 0) {
            throw new IllegalArgumentException("static weights must not all be 0");
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int tasks() {
        return weights.length;
    }

    @Override
    public Step combine(StepInput input) {
        double[] losses = Checks.losses(input, weights.length);
        return new Step(weights.clone(), weights.clone(), Vectors.dot(weights, losses));
    }

    @Override
    public State state() {
        return States.empty(NAME);
    }

    @Override
    public void restore(State state) {
        States.requireStrategy(state, NAME);
    }
}
