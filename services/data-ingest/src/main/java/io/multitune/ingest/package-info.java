/**
 * data-ingest: the first stage of the pipeline. It reads raw records, dataset specs and end-of-import markers from
 * {@code multitune.data.raw}, turns records into standard examples on the compacted {@code multitune.examples} topic,
 * rejects what it cannot use to {@code multitune.data.dlq} with a reason, and emits dataset profiles on
 * {@code multitune.datasets}. The parsing, validation and bookkeeping live in the plain library
 * {@code io.multitune.dataprep}; this package wires it to Kafka, metrics and health.
 */
package io.multitune.ingest;
