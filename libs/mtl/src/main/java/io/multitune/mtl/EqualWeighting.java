package io.multitune.mtl;

/**
 * Equal weighting (linear scalarisation): L = Σ_i L_i, so c_i = 1 for every task. The sum, not the mean, is the
 * convention: a run's learning rate then means the same per task whatever T is, and it matches the static
 * strategy with all weights 1 and the T-normalised weights of DWA and GradNorm (Σ w_i = T).
 */
public final class EqualWeighting implements TaskWeighting {

    public static final String NAME = "equal";

    private final int tasks;

    public EqualWeighting(int tasks) {
        this.tasks = Checks.tasks(tasks);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int tasks() {
        return tasks;
    }

    @Override
    public Step combine(StepInput input) {
        double[] losses = Checks.losses(input, tasks);
        return new Step(Vectors.filled(tasks, 1), Vectors.filled(tasks, 1), Vectors.sum(losses));
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
