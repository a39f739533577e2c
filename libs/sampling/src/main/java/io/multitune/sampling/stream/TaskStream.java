package io.multitune.sampling.stream;

import io.multitune.events.RunRequest;
import io.multitune.sampling.pool.PoolExample;
import io.multitune.sampling.pool.TaskPool;
import io.multitune.sampling.request.Strategies;

/**
 * The endless, deterministic sequence of training examples of one task. It depends only on the run seed, the task
 * id, the task's pool and (under curriculum) the task's planned examples, never on the job: the multi-task job and
 * the task's baseline draw the identical sequence, so a baseline trains on exactly the examples the multi-task job
 * saw of its task.
 * <ul>
 *   <li>Without curriculum: pass after pass over the pool, each pass a fresh stratified permutation (see
 *       {@link StratifiedStream}).</li>
 *   <li>With curriculum ({@code sampling.strategy = curriculum}): competence-based draws from the easiest part of
 *       the pool (see {@link CurriculumStream}); stratification is not applied there, since the difficulty order
 *       decides what is eligible.</li>
 * </ul>
 */
public interface TaskStream {

    /** The next training example. */
    PoolExample next();

    /** Examples drawn so far. */
    long drawn();

    /**
     * @param pool            the task's pool (its train list must not be empty)
     * @param effective       the effective request (seed and sampling settings)
     * @param plannedExamples the task's planned examples in the plan (the curriculum's progress denominator)
     */
    static TaskStream of(TaskPool pool, RunRequest effective, long plannedExamples) {
        if (pool.train().isEmpty()) {
            throw new IllegalArgumentException("task '" + pool.taskId() + "' has no training examples");
        }
        RunRequest.Sampling sampling = effective.sampling();
        if (Strategies.SAMPLING_CURRICULUM.equals(sampling.strategy())) {
            return new CurriculumStream(pool, effective.seed(), sampling.curriculum(), plannedExamples);
        }
        return new StratifiedStream(pool, effective.seed());
    }
}
