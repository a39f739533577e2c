/**
 * Run planning: from an effective run request and the frozen task pools to the jobs of the run (one multi-task
 * job, one single-task baseline per task), each with its step budget, per-task example budget, validation rounds
 * and pool digest. Everything the batch sequence later does follows from the plan, so the plan is the contract
 * between the sampler, the trainer and the evaluator: baselines get exactly the multi-task job's examples of their
 * task.
 */
package io.multitune.sampling.plan;
