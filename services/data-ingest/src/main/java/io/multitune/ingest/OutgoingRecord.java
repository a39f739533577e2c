package io.multitune.ingest;

import io.multitune.events.EventCodec;
import io.multitune.events.PipelineEvent;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * One record data-ingest publishes: target channel, key, and either an event (encoded as JSON with CloudEvents
 * headers only when sent, so encoding runs on the sending thread, beside the parsing one) or nothing (a tombstone).
 */
record OutgoingRecord(String channel, String key, PipelineEvent event) {
    static OutgoingRecord tombstone(String channel, String key) {
        return new OutgoingRecord(channel, key, null);
    }

    byte[] value() {
        return event == null ? null : EventCodec.INSTANCE.encode(event);
    }

    Headers headers(String source) {
        return event == null ? new RecordHeaders() : EventCodec.INSTANCE.headers(event, source);
    }
}
