package io.multitune.ingest;

import org.apache.kafka.common.header.Headers;

/** One record data-ingest publishes: target channel, key, value (null = tombstone) and CloudEvents headers. */
record OutgoingRecord(String channel, String key, byte[] value, Headers headers) {
}
