/**
 * From the sampler's {@link io.multitune.events.TrainingBatch} to model inputs: examples grouped per task (in the
 * job's task order, examples in arrival order), tokenised with the job's tokenizer, and targets as label indices,
 * values, per-token tags (first sub-token only, -100 elsewhere) or answer token spans. Malformed examples fail the
 * batch with {@link io.multitune.training.MalformedBatchException}, naming the example id and the field.
 */
package io.multitune.training.batch;
