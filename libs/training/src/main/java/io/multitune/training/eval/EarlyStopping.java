package io.multitune.training.eval;

import java.util.Arrays;
import java.util.List;

/**
 * Early stopping per task: after each validation round a task's main metric (higher is better) either improves
 * on its best so far or the task's count of rounds without improvement grows; at {@code patience} such rounds the
 * task stops pulling (the trainer sets its coefficient to 0 from then on) and never restarts. A round without
 * examples of a task leaves that task unchanged; an undefined score (NaN) counts as no improvement. The job ends
 * when every task has stopped.
 */
public final class EarlyStopping {

    private final List<String> taskIds;
    private final int patience;
    private final double[] best;
    private final int[] roundsWithoutImprovement;
    private final boolean[] stopped;

    public EarlyStopping(List<String> taskIds, int patience) {
        if (patience < 1) {
            throw new IllegalArgumentException("patience must be >= 1 round, got " + patience);
        }
        this.taskIds = List.copyOf(taskIds);
        this.patience = patience;
        this.best = new double[taskIds.size()];
        this.roundsWithoutImprovement = new int[taskIds.size()];
        this.stopped = new boolean[taskIds.size()];
        Arrays.fill(best, Double.NEGATIVE_INFINITY);
    }

    /** Takes one round's results, in the job's task order. */
    public void update(List<TaskValidation> round) {
        if (round.size() != taskIds.size()) {
            throw new IllegalArgumentException(round.size() + " results for " + taskIds.size() + " tasks");
        }
        for (int i = 0; i < round.size(); i++) {
            TaskValidation result = round.get(i);
            if (!result.taskId().equals(taskIds.get(i))) {
                throw new IllegalArgumentException("result " + i + " is of task '" + result.taskId() + "', expected '"
                        + taskIds.get(i) + "'");
            }
            if (stopped[i] || result.examples() == 0) {
                continue;
            }
            if (result.score() > best[i]) {
                best[i] = result.score();
                roundsWithoutImprovement[i] = 0;
            } else {
                roundsWithoutImprovement[i]++;
                stopped[i] = roundsWithoutImprovement[i] >= patience;
            }
        }
    }

    public boolean stopped(int task) {
        return stopped[task];
    }

    /** Per task: still pulling. */
    public boolean[] active() {
        boolean[] active = new boolean[stopped.length];
        for (int i = 0; i < active.length; i++) {
            active[i] = !stopped[i];
        }
        return active;
    }

    public boolean allStopped() {
        for (boolean s : stopped) {
            if (!s) {
                return false;
            }
        }
        return true;
    }

    /** The best score of each task so far (−∞ before its first round). */
    public double[] best() {
        return best.clone();
    }

    public State state() {
        return new State(best.clone(), roundsWithoutImprovement.clone(), stopped.clone());
    }

    public void restore(State state) {
        if (state.best().length != best.length || state.roundsWithoutImprovement().length != best.length
                || state.stopped().length != best.length) {
            throw new IllegalArgumentException("early stopping state is for a different number of tasks");
        }
        System.arraycopy(state.best(), 0, best, 0, best.length);
        System.arraycopy(state.roundsWithoutImprovement(), 0, roundsWithoutImprovement, 0, best.length);
        System.arraycopy(state.stopped(), 0, stopped, 0, best.length);
    }

    /** Checkpointable state (best scores are −∞ before a task's first round). */
    public record State(double[] best, int[] roundsWithoutImprovement, boolean[] stopped) {
    }
}
