/**
 * Run requests and sampling, free of Kafka and Quarkus so that every rule (defaults, validation, mixing, planning,
 * the batch sequence) is unit-tested in milliseconds; the sampler service only wires it to topics.
 * Everything here is deterministic: the same pools, request and seed give the same plan and the same batches.
 */
package io.multitune.sampling;
