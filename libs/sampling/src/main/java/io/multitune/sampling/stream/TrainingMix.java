package io.multitune.sampling.stream;

import io.multitune.events.RunPlanned.TaskPlan;
import io.multitune.events.RunRequest;
import io.multitune.sampling.mix.Apportionment;
import io.multitune.sampling.pool.TaskPool;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides which task each training example of a job comes from, and takes it from that task's {@link TaskStream}.
 * <ul>
 *   <li>Heterogeneous batches: the job's example slots are dealt to tasks by smooth round-robin over the planned
 *       examples per task, B slots per batch. Totals are exact and every prefix of the job (so every stretch
 *       between validation rounds) is close to the proportions. A single-task job is the same with one task; its
 *       last batch is short when its examples are not a multiple of B.</li>
 *   <li>Homogeneous batches: each batch belongs to one task, chosen by smooth round-robin over the batches per
 *       task (planned examples / B); the batch holds that task's next B examples.</li>
 * </ul>
 * {@link #reweight} re-deals what is left (slots, or batches) by new proportions with the largest-remainder
 * method; the job's length does not change.
 */
final class TrainingMix {

    private final List<TaskPool> pools;
    private final List<TaskPlan> tasks;
    private final RunRequest effective;
    private final int batchSize;
    private final boolean homogeneous;
    private final TaskStream[] streams;
    /** Examples still to draw per task (homogeneous mode: caps the task's last batch). */
    private final long[] remainingExamples;
    private SmoothRoundRobin schedule;

    TrainingMix(List<TaskPlan> tasks, List<TaskPool> pools, RunRequest effective, int batchSize, boolean homogeneous) {
        this.tasks = tasks;
        this.pools = pools;
        this.effective = effective;
        this.batchSize = batchSize;
        this.homogeneous = homogeneous;
        this.streams = new TaskStream[tasks.size()];
        this.remainingExamples = tasks.stream().mapToLong(TaskPlan::plannedExamples).toArray();
        long[] quotas = remainingExamples.clone();
        if (homogeneous) {
            for (int i = 0; i < quotas.length; i++) {
                quotas[i] = -Math.floorDiv(-quotas[i], batchSize);
            }
        }
        this.schedule = new SmoothRoundRobin(quotas);
    }

    /** The examples of the next training batch; empty when the job's examples are used up. */
    List<TaskedExample> nextBatch() {
        List<TaskedExample> batch = new ArrayList<>(batchSize);
        if (homogeneous) {
            if (schedule.hasNext()) {
                int task = schedule.next();
                long size = Math.min(batchSize, remainingExamples[task]);
                for (long k = 0; k < size; k++) {
                    batch.add(draw(task));
                }
            }
        } else {
            while (batch.size() < batchSize && schedule.hasNext()) {
                batch.add(draw(schedule.next()));
            }
        }
        return batch;
    }

    /** Re-deals the remaining slots (heterogeneous) or batches (homogeneous) by the given proportions. */
    void reweight(double[] proportions) {
        long left = 0;
        for (long r : schedule.remaining()) {
            left += r;
        }
        long[] quotas = Apportionment.largestRemainder(proportions, left);
        for (int i = 0; i < quotas.length; i++) {
            remainingExamples[i] = homogeneous ? quotas[i] * batchSize : quotas[i];
        }
        schedule = new SmoothRoundRobin(quotas);
    }

    private TaskedExample draw(int task) {
        if (streams[task] == null) {
            // Lazily: a task whose share is 0 may have an empty pool, which a stream refuses.
            streams[task] = TaskStream.of(pools.get(task), effective, tasks.get(task).plannedExamples());
        }
        remainingExamples[task]--;
        return new TaskedExample(pools.get(task).taskId(), streams[task].next());
    }
}
