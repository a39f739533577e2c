package io.multitune.ingest;

import org.apache.kafka.common.header.Headers;

/** A raw message as consumed, with its position for provenance and dead letters. */
record RawRecord(String key, Headers headers, byte[] value, String topic, int partition, long offset) {
}
