/**
 * The sampler service: turns run requests into planned jobs (one multi-task job and one single-task baseline per
 * task) and publishes each job's balanced batches, a bounded window ahead of the trainer. Its whole state is
 * rebuilt from the topics at every start, so a restart continues every job exactly where it stood. The rules
 * themselves (defaults, validation, mixing, planning, batch order) live in libs/sampling.
 */
package io.multitune.sampler;
