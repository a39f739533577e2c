/**
 * The trainer service: planned jobs and their batch streams in, fine-tuned models out.
 *
 * <p>Run plans arrive on the runs topic; {@link io.multitune.trainer.JobDispatcher} queues one ticket per job on the
 * jobs topic, which the replicas share in one consumer group, so a job is trained by one replica at a time. The
 * replica's single training thread ({@link io.multitune.trainer.JobWorker}) trains a job by reading its batches
 * with a plain consumer from the job's checkpointed position ({@link io.multitune.trainer.BatchStream}), and
 * writes checkpoints and the model under the artifact root, which replicas share. Events (acknowledgements,
 * validation reports, progress, the model, the end) go to the training topic.
 */
package io.multitune.trainer;
