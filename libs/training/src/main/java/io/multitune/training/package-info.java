/**
 * The core of the trainer, plain Java (no Kafka): a {@link io.multitune.training.MultiTaskModel} (the shared
 * encoder and one head per task), one optimiser step per batch ({@link io.multitune.training.TrainingStep}: one
 * backward of Σ c_i L_i for loss weighting, per-task gradients on the device for gradient surgery and conflict
 * telemetry), validation and early stopping, checkpoints ({@link io.multitune.training.TrainingState}) and
 * telemetry; {@link io.multitune.training.JobTrainer} ties them together for one job fed batch by batch.
 *
 * <h2>Per step</h2>
 * <ol>
 *   <li>The batch is split per task and tokenised ({@link io.multitune.training.batch.BatchAssembler}).</li>
 *   <li>The engine's generator is seeded from (seed, step), so dropout replays identically after a resume.</li>
 *   <li>Losses (and, when asked for, the Gram matrix of the per-task gradients or the shared-layer norms) go to the
 *       strategy ({@link io.multitune.mtl.TaskWeighting#combine}); early-stopped tasks get coefficient 0.</li>
 *   <li>AdamW applies d = Σ c_i g_i; FAMO then sees the same rows' losses after the update.</li>
 *   <li>At the end of each loss window the window's mean losses go to
 *       {@link io.multitune.mtl.TaskWeighting#endOfWindow} (DWA).</li>
 * </ol>
 * One gradient collector may be open per JVM, so steps are serialised on a lock across all jobs of a JVM.
 */
package io.multitune.training;
