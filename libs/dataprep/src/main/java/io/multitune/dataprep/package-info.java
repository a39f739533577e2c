/**
 * Data preparation for multitune: turns the raw records of the data-ingest service into
 * {@link io.multitune.events.StandardExample standard examples}.
 *
 * <p>The path of one raw Kafka message is
 * {@link io.multitune.dataprep.RawPayloadParser} (bytes to records, in any supported source format) then
 * {@link io.multitune.dataprep.ExampleStandardiser} (record to a normalised, validated example with a stable id) then
 * {@link io.multitune.dataprep.DatasetLedger} (per-dataset de-duplication, leakage resolution, stratified split and
 * the dataset profile). {@link io.multitune.dataprep.SpecReader} reads and validates dataset specs.
 *
 * <p>Everything here sits on the hot path of the ingest throughput benchmark, so parsing streams over the message
 * bytes, normalisation skips work for text that is already clean, and hashing reuses one digest per thread.
 * Nothing here throws on bad data: every problem becomes a {@link io.multitune.dataprep.Rejection} with a reason
 * and the offending field, bound for the dead-letter topic.
 */
package io.multitune.dataprep;
