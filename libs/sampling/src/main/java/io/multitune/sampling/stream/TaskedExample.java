package io.multitune.sampling.stream;

import io.multitune.sampling.pool.PoolExample;

/**
 * One example of a batch with the task it serves: a multi-task batch mixes tasks, and the same example could in
 * principle belong to two tasks of a run.
 */
public record TaskedExample(String taskId, PoolExample example) {
}
