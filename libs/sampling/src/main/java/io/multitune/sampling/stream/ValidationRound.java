package io.multitune.sampling.stream;

import io.multitune.events.RunPlanned.TaskPlan;
import io.multitune.sampling.pool.PoolExample;
import io.multitune.sampling.pool.TaskPool;
import java.util.ArrayList;
import java.util.List;

/**
 * The batches of a validation round, the same in every round so that rounds are comparable: for each task in job
 * order, its first {@code validationExamples} examples of a fixed permutation of its validation pool, in batches of
 * at most B, one task per batch. The permutation is stratified and seeded by (run seed, task id, "validation"),
 * so a capped validation set keeps the label shares of the pool and the multi-task job and the baseline validate
 * on the same examples.
 */
final class ValidationRound {

    private final List<List<TaskedExample>> batches;

    ValidationRound(List<TaskPlan> tasks, List<TaskPool> pools, long seed, int batchSize) {
        List<List<TaskedExample>> all = new ArrayList<>();
        for (int t = 0; t < tasks.size(); t++) {
            TaskPool pool = pools.get(t);
            int count = Math.toIntExact(Math.min(tasks.get(t).validationExamples(), pool.validation().size()));
            if (count == 0) {
                continue;
            }
            List<PoolExample> order = StratifiedPermutation.of(pool.validation(),
                    Seeds.random(seed, pool.taskId(), "validation"));
            for (int from = 0; from < count; from += batchSize) {
                List<TaskedExample> batch = new ArrayList<>();
                for (PoolExample example : order.subList(from, Math.min(count, from + batchSize))) {
                    batch.add(new TaskedExample(pool.taskId(), example));
                }
                all.add(List.copyOf(batch));
            }
        }
        this.batches = List.copyOf(all);
    }

    /** The round's batches, in order. */
    List<List<TaskedExample>> batches() {
        return batches;
    }

    static long batchCount(List<TaskPlan> tasks, int batchSize) {
        long count = 0;
        for (TaskPlan task : tasks) {
            count += -Math.floorDiv(-task.validationExamples(), batchSize);
        }
        return count;
    }
}
