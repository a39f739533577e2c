package io.multitune.sampling.plan;

import io.multitune.events.RunPlanned;
import io.multitune.events.RunPlanned.JobKind;
import io.multitune.events.RunPlanned.JobPlan;
import io.multitune.events.RunPlanned.TaskPlan;
import io.multitune.events.RunRequest;
import io.multitune.sampling.mix.Apportionment;
import io.multitune.sampling.mix.MixingWeights;
import io.multitune.sampling.pool.TaskPool;
import io.multitune.sampling.request.Strategies;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Plans a run: the multi-task job {@code <runId>.mtl} over all tasks and, with baselines on, one single-task job
 * {@code <runId>.stl.<taskId>} per task.
 * <p>
 * The multi-task job trains S steps of B examples ({@link TrainingBudget}). Its S·B example slots are shared among
 * the tasks by the mixing proportions with the largest-remainder method; in homogeneous batch mode whole batches
 * are shared instead (S batches by largest remainder, each worth B examples). The baseline of task i gets exactly
 * the multi-task job's planned examples of task i, in ceil(planned_i / B) steps (the last one possibly short). As
 * both jobs read task i's examples from the same seeded per-task stream, the baseline trains on the very examples
 * the multi-task job saw of that task, in the same order: the comparison isolates the effect of sharing.
 */
public final class RunPlanner {

    private RunPlanner() {
    }

    /**
     * @param effective the effective request (all defaults filled in)
     * @param pools     the task pools, in the request's task order
     * @param now       the planning time
     */
    public static RunPlanned plan(RunRequest effective, List<TaskPool> pools, Instant now) {
        if (pools.size() != effective.tasks().size()) {
            throw new IllegalArgumentException("expected one pool per requested task: " + effective.tasks().size()
                    + " tasks, " + pools.size() + " pools");
        }
        long[] poolSizes = pools.stream().mapToLong(p -> p.train().size()).toArray();
        double[] proportions = MixingWeights.initial(effective.sampling(), poolSizes);
        int batchSize = effective.batchSize();
        long steps = TrainingBudget.steps(effective, poolSizes);
        long[] planned = plannedExamples(effective, proportions, steps, batchSize);
        for (int i = 0; i < pools.size(); i++) {
            if (planned[i] > 0 && poolSizes[i] == 0) {
                throw new IllegalArgumentException("task '" + pools.get(i).taskId()
                        + "' has no training examples but a share of " + proportions[i]);
            }
        }

        String runId = effective.runId();
        long everySteps = effective.validation().everySteps();
        int maxValidation = effective.validation().maxExamplesPerTask();
        List<JobPlan> jobs = new ArrayList<>();
        List<TaskPlan> mtlTasks = new ArrayList<>();
        for (int i = 0; i < pools.size(); i++) {
            mtlTasks.add(taskPlan(pools.get(i), proportions[i], planned[i], maxValidation));
        }
        jobs.add(job(runId + ".mtl", JobKind.MULTI_TASK, mtlTasks, pools, steps, batchSize, everySteps));
        if (Boolean.TRUE.equals(effective.baselines())) {
            for (int i = 0; i < pools.size(); i++) {
                TaskPool pool = pools.get(i);
                long baselineSteps = ceilDiv(planned[i], batchSize);
                jobs.add(job(runId + ".stl." + pool.taskId(), JobKind.BASELINE,
                        List.of(taskPlan(pool, 1.0, planned[i], maxValidation)), List.of(pool), baselineSteps,
                        batchSize, everySteps));
            }
        }
        return new RunPlanned(RunPlanned.SCHEMA_VERSION, runId, effective, List.copyOf(jobs), now);
    }

    /** The multi-task job's training examples per task. */
    static long[] plannedExamples(RunRequest effective, double[] proportions, long steps, int batchSize) {
        if (Strategies.BATCH_MODE_HOMOGENEOUS.equals(effective.sampling().batchMode())) {
            long[] batches = Apportionment.largestRemainder(proportions, steps);
            for (int i = 0; i < batches.length; i++) {
                batches[i] *= batchSize;
            }
            return batches;
        }
        return Apportionment.largestRemainder(proportions, Math.multiplyExact(steps, batchSize));
    }

    private static TaskPlan taskPlan(TaskPool pool, double proportion, long planned, int maxValidation) {
        long poolExamples = pool.train().size();
        double passes = poolExamples == 0 ? 0.0 : (double) planned / poolExamples;
        long validationExamples = Math.min(maxValidation, pool.validation().size());
        return new TaskPlan(pool.taskId(), pool.taskType(), pool.datasets(), pool.labels(), proportion, poolExamples,
                planned, passes, validationExamples);
    }

    private static JobPlan job(String jobId, JobKind kind, List<TaskPlan> tasks, List<TaskPool> pools, long steps,
                               int batchSize, long everySteps) {
        boolean validates = tasks.stream().anyMatch(t -> t.validationExamples() > 0);
        // A round without validation examples would hold no batches; the stream and the count agree on none.
        long rounds = validates ? new ValidationSchedule(steps, everySteps).rounds() : 0;
        return new JobPlan(jobId, kind, List.copyOf(tasks), steps, batchSize, rounds, PoolDigest.of(pools));
    }

    static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }
}
