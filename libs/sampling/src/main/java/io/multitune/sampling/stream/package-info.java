/**
 * The batch stream of a job: which examples, in which order, in which batch. Each task has one endless,
 * deterministic example stream seeded only by the run's seed and the task id ({@link
 * io.multitune.sampling.stream.TaskStream}), shared in content by the multi-task job and the task's baseline;
 * {@link io.multitune.sampling.stream.BatchSequencer} interleaves the task streams into training batches by the
 * plan's per-task budgets and inserts the validation rounds. Only {@link io.multitune.sampling.pool.PoolExample}s
 * are picked here, never JSON touched, so a restarted sampler regenerates a job's position cheaply.
 */
package io.multitune.sampling.stream;
